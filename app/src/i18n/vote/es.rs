//! Español.

use counting::BallotError as B;
use counting::receipt::Failure;
use pebble_domain::CodeError;
use pebble_domain::ballot_form::FormError as F;

use super::{Namer, VoteStrings};

fn plural(n: impl Into<u128>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

fn code_error(error: &CodeError) -> String {
    match error {
        CodeError::Length(n) => format!(
            "Un código de votación tiene 18 letras y cifras; este tiene {n}. Vuelve a mirar la tarjeta."
        ),
        CodeError::Character(c) => {
            format!("'{c}' nunca forma parte de un código: revisa ese carácter.")
        }
        CodeError::Typo => {
            "Este código tiene un error de escritura: revísalo letra por letra.".to_owned()
        }
    }
}

fn form_error(error: &F, name: &Namer) -> String {
    match error {
        F::NotAProject(text) => format!("'{text}' no es un proyecto de esta papeleta."),
        F::NotARank { project, text } => format!(
            "El puesto de «{}» debe ser un número entero desde 1 (es '{text}').",
            (name.project)(project)
        ),
        F::SameRank {
            rank,
            first,
            second,
        } => format!(
            "«{}» y «{}» tienen los dos el puesto {rank}; da a cada proyecto su propio número.",
            (name.project)(first),
            (name.project)(second)
        ),
        F::NotPoints { project, text } => format!(
            "Los puntos de «{}» deben ser un número entero (son '{text}').",
            (name.project)(project)
        ),
    }
}

fn ballot_error(error: &B, name: &Namer) -> String {
    let p = name.project;
    let m = name.money;
    match error {
        B::WrongKind { .. } => "Este ciclo usa otro tipo de papeleta.".to_owned(),
        B::UnknownProject(id) => format!("El proyecto {id} no está en esta papeleta."),
        B::RankedTwice(id) => format!("«{}» está ordenado más de una vez.", p(id)),
        B::OverBudget {
            total,
            budget,
            over,
        } => format!(
            "Los proyectos elegidos cuestan {}, {} más que el presupuesto de {}. Quita un proyecto.",
            m(*total),
            m(*over),
            m(*budget)
        ),
        B::TooFewProjects { min, got } => format!(
            "Elige al menos {} (has elegido {got}).",
            plural(*min, "proyecto", "proyectos")
        ),
        B::TooManyProjects { max, got } => format!(
            "Elige como mucho {} (has elegido {got}).",
            plural(*max, "proyecto", "proyectos")
        ),
        B::BelowMinimumShare {
            percent,
            needed,
            total,
        } => format!(
            "Los proyectos elegidos deben costar al menos el {percent} % del presupuesto ({}); cuestan {}.",
            m(*needed),
            m(*total)
        ),
        B::NothingRanked => "Ordena al menos un proyecto.".to_owned(),
        B::TooManyRanks { max, got } => format!(
            "Ordena como mucho {} (has ordenado {got}).",
            plural(*max, "proyecto", "proyectos")
        ),
        B::ZeroPoints(id) => format!("«{}» tiene cero puntos; mejor déjalo fuera.", p(id)),
        B::TooManyPoints { total, limit } => {
            format!("Has dado {total} puntos pero solo tienes {limit}.")
        }
        B::MustUseAllPoints { total, limit } => {
            format!("Usa los {limit} puntos (has dado {total}).")
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    plural(u32::try_from(n).unwrap_or(u32::MAX), one, many)
}

/// Las cadenas de votación en español.
pub static VOTE: VoteStrings = VoteStrings {
    vote_title: "Votar",
    voting_open: "La votación está abierta. Ten a mano el código de tu tarjeta (o escanea su código QR).",
    vote_now: "Votar ahora",
    code_label: "Tu código de votación",
    code_help: "Está en la tarjeta que te dieron: 18 letras y cifras. Los espacios y guiones no importan.",
    code_looks_right: "El código está bien escrito.",
    open_ballot: "Abrir mi papeleta",
    code_error,
    no_voting: "Ahora no hay ningún ciclo abierto a votación.",
    choose_cycle: "Elige el ciclo de tu código",
    not_cast_yet: "Todavía sin emitir: tu papeleta solo cuenta cuando la emites.",
    approval_help: |budget| {
        format!("Elige los proyectos que quieres financiar, hasta {budget} en total.")
    },
    ranked_help: |k| {
        format!(
            "Ordena hasta {}, tu favorito primero.",
            plural(k, "proyecto", "proyectos")
        )
    },
    allocation_help: |points, all| {
        if all {
            format!("Reparte los {points} puntos entre los proyectos que quieres financiar.")
        } else {
            format!("Reparte hasta {points} puntos entre los proyectos que quieres financiar.")
        }
    },
    spent_left: |spent, left| format!("Gastado {spent} · quedan {left}"),
    picked_count: |n, min, max| {
        let picked = count(n, "proyecto elegido", "proyectos elegidos");
        match (min, max) {
            (0, None) => format!("{picked}."),
            (0, Some(max)) => format!("{picked} (como mucho {max})."),
            (min, None) => format!("{picked} (al menos {min})."),
            (min, Some(max)) => format!("{picked} (de {min} a {max})."),
        }
    },
    least_share: |percent, needed, met| {
        if met {
            format!("Al menos el {percent} % del presupuesto ({needed}): alcanzado.")
        } else {
            format!("Al menos el {percent} % del presupuesto ({needed}): aún no alcanzado.")
        }
    },
    does_not_fit: "No cabe en lo que queda",
    points_left: |left, all| format!("Quedan {left} de {all} puntos"),
    points_for: |title| format!("Puntos para {title}"),
    points_over: |over, all| {
        format!(
            "Te pasas por {over} puntos: tienes {all} para repartir. Quita {over} antes de revisar."
        )
    },
    more_points: |title| format!("Un punto más para {title}"),
    fewer_points: |title| format!("Un punto menos para {title}"),
    rank_for: |title| format!("Posición de {title} (1 es tu primera opción)"),
    ranked_item: |title, at, total| format!("{title}, posición {at} de {total}"),
    ranking_keys: "Para mover un proyecto, selecciónalo y pulsa la flecha arriba o abajo (o Alt con una flecha desde sus botones).",
    ranking_full: |k| {
        format!(
            "Has ordenado el máximo de proyectos permitido ({k}). Quita uno de tu orden para añadir otro."
        )
    },
    your_ranking: "Tu orden",
    nothing_ranked: "Aún no has ordenado nada: añade proyectos de la lista de abajo.",
    not_ranked: "Proyectos sin ordenar",
    rank_it: |title| format!("Ordenar {title}"),
    move_up: |title| format!("Subir {title}"),
    move_down: |title| format!("Bajar {title}"),
    unrank: |title| format!("Quitar {title} del orden"),
    now_at: |title, at, of| format!("{title} es ahora el número {at} de {of}."),
    left_ranking: |title| format!("{title} ya no está en el orden."),
    read_more: "Propuesta y debate (se abre en otra pestaña)",
    review: "Revisar mi papeleta",
    review_title: "Revisa tu papeleta antes de emitirla",
    funding: |n, spent, budget| {
        format!(
            "Financias {} por {spent} de {budget}.",
            count(n, "proyecto", "proyectos")
        )
    },
    ranking: |n| format!("Has ordenado {}:", count(n, "proyecto", "proyectos")),
    giving: |given, all| format!("Has dado {given} de tus {all} puntos:"),
    change: "Cambiar mi papeleta",
    cast: "Emitir mi papeleta",
    casting: "Emitiendo…",
    cannot_cast: "Esta papeleta aún no se puede emitir:",
    form_error,
    ballot_error,
    code_refused: "Este código no puede votar en este ciclo: no es uno de sus códigos o ya se usó. No se ha registrado nada.",
    too_many_tries: |wait| {
        format!(
            "Se han probado demasiados códigos que no podían votar desde aquí. Espera {wait} segundos, revisa tu código y vuelve a intentarlo."
        )
    },
    voting_closed: "La votación no está abierta en este ciclo. No se ha registrado nada.",
    busy: "El registro de papeletas está ocupado; no se ha registrado nada. Vuelve a intentarlo.",
    duplicate: "Esta papeleta, con el mismo nonce, ya está en el registro: se emitió antes y no se registró nada dos veces. Su comprobante se encuentra por su hash de hoja.",
    receipt_unknown: "Ninguna entrada del registro de este ciclo corresponde a este comprobante.",
    no_such_cycle: "No existe ese ciclo. Revisa la dirección o la tarjeta del código. No se ha registrado nada.",
    nothing_recorded: "No se ha registrado nada.",
    internal: "Algo falló en el servidor; no se ha registrado nada. Vuelve a intentarlo.",
    bad_nonce: "El nonce debe tener 32 dígitos hexadecimales (16 bytes), o faltar.",
    cast_title: "Tu papeleta está emitida",
    receipt_intro: "Este es tu comprobante. Guárdalo (imprímelo, descárgalo o apunta el código de seguimiento): con él puedes comprobar, ahora o más tarde, que tu papeleta está en el registro, sin cambios. No dice quién eres.",
    log_index: "Posición en el registro",
    tracker: "Código de seguimiento",
    leaf_hash: "Hash de la hoja",
    checkpoint: "Punto de control (firmado)",
    download_receipt: "Descargar el comprobante",
    print_receipt: "Imprimir el comprobante",
    check_receipt: "Comprobar mi comprobante",
    shared_notice: "Dispositivo compartido: después de cada papeleta emitida la página se borra para la siguiente persona.",
    next_voter: "Listo: borrar para la siguiente persona",
    clearing_in: |s| {
        let unit = if s == 1 { "segundo" } else { "segundos" };
        format!(
            "Sin actividad: esta papeleta se borra en {s} {unit}. Pulsa «Sigo votando» para conservarla."
        )
    },
    still_here: "Sigo votando",
    cleared: "La página se ha borrado para la siguiente persona.",
    enter_code_first: "Esta pestaña no tiene ninguna papeleta. Escribe tu código de votación para abrir la papeleta.",
    try_again_safely: "Tu papeleta no está en el registro. Pulsa de nuevo «Emitir mi papeleta»: no hay riesgo, la misma papeleta solo puede registrarse una vez.",
    voted_in_tab: "Esta pestaña guarda el comprobante de la papeleta emitida aquí. Para votar con otro código, escríbelo abajo.",
    see_receipt: "Ver su comprobante",
    not_sent: "Tu papeleta no se envió desde esta página (se abrió directamente o el formulario caducó). Vuelve a abrir la papeleta con tu código.",
    cast_before: "Tu papeleta ya estaba emitida: este es su comprobante. No se registró nada dos veces.",
    receipt_title: "Comprobar mi comprobante",
    receipt_help: "Pega tu comprobante (el texto del archivo descargado) o elige el archivo. Tu navegador pide la prueba al registro de papeletas y la comprueba él mismo, con la clave pública del registro de la papeleta congelada.",
    receipt_label: "Comprobante",
    receipt_file: "O elige el archivo del comprobante",
    check: "Comprobar",
    checking: "Comprobando…",
    receipt_ok: "Tu papeleta está en el registro, sin cambios.",
    verified_signature: "El punto de control está firmado con la clave del registro de este ciclo.",
    verified_inclusion: |index, size| {
        format!(
            "La entrada {index} está en el registro de {size} {} (prueba de inclusión verificada).",
            if size == 1 { "entrada" } else { "entradas" }
        )
    },
    verified_consistency: |from, to| {
        format!(
            "El registro de {to} {} amplía el de {from} con el que se dio tu comprobante (prueba de consistencia verificada): no se quitó ni cambió nada.",
            if to == 1 { "entrada" } else { "entradas" }
        )
    },
    verified_manifest: "La entrada nombra la papeleta congelada de este ciclo (hash del manifiesto comprobado).",
    ballot_in_log: "La papeleta que guarda el registro para este comprobante",
    receipt_rejected: "No se pudo verificar este comprobante",
    receipt_unreadable: "Esto no es un comprobante. Pega todo el texto del archivo descargado (empieza con {, o con c2sp.org/tlog-proof@v1 si es un archivo .tlog-proof) o elige el archivo.",
    save_proof: "Guardar esta comprobación como prueba sin conexión (.tlog-proof)",
    save_proof_help: "El archivo contiene tu entrada, su lugar en el registro y el punto de control firmado con las firmas de sus testigos: cualquiera puede comprobarlo después sin conexión (pebble-verify receipt).",
    receipt_text_help: "Pega el comprobante (el texto del archivo descargado, o el de un archivo .tlog-proof), o escribe su código de seguimiento (como K7QX-M2PA), o el número de serie de una papeleta en papel.",
    cycle_label: "Ciclo",
    choose_cycle_to_check: "Elige el ciclo al que pertenece el código de seguimiento o el número de serie.",
    checked_by_server: "Tu navegador no ejecuta JavaScript, así que esta comprobación la hizo este servidor, no tu navegador. Un servidor podría mentir sobre su propio registro: para comprobarlo por tu cuenta, abre esta página con JavaScript activado o ejecuta pebble-verify sobre el acta publicada.",
    check_independently: "Para comprobarlo sin fiarte de este servidor: abre esta página con JavaScript activado (tu navegador comprueba entonces cada prueba por sí mismo) o, cuando se publiquen los resultados, descarga el acta de la elección y ejecuta pebble-verify sobre ella.",
    ballot_published_later: "Tu entrada está en el registro. Las papeletas se publican con los resultados; hasta entonces solo el archivo de comprobante que guardó tu navegador muestra tu propia papeleta.",
    receipt_problem: |e| {
        match e {
        Failure::Manifest => "La papeleta congelada que envió el servidor está dañada.".to_owned(),
        Failure::Checkpoint => "El punto de control del registro no está firmado con la clave de este ciclo.".to_owned(),
        Failure::ReceiptCheckpoint => "El punto de control de tu comprobante no está firmado con la clave de este ciclo: el comprobante fue alterado o no es de este ciclo.".to_owned(),
        Failure::OtherLeaf => "La entrada del registro en esta posición no es la de tu comprobante: se alteró el comprobante o el registro.".to_owned(),
        Failure::OtherCopy => "La papeleta guardada con tu comprobante no es la que nombra su hash: se alteró el archivo del comprobante.".to_owned(),
        Failure::Entry => "La entrada del registro está dañada.".to_owned(),
        Failure::OtherManifest => "La entrada se emitió en otra papeleta distinta de la de este ciclo.".to_owned(),
        Failure::NotIncluded => "El registro no prueba que contenga tu entrada.".to_owned(),
        Failure::NotConsistent => "El registro actual no amplía el registro con el que se dio tu comprobante: se quitó o cambió algo. Avisa a la comisión de presupuesto.".to_owned(),
    }
    },
    compare_checkpoint: "Compara este punto de control con el publicado en el centro:",
    verifier_unavailable: "Tu navegador no pudo cargar la verificación del comprobante. Revisa tu conexión y vuelve a intentarlo.",
};
