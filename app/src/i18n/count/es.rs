//! Español.

use super::CountStrings;

/// Español.
pub static COUNT: CountStrings = CountStrings {
    title: "El recuento",
    choose: "Elige el ciclo que vas a contar:",
    none_counting: "Ninguno de tus ciclos está en recuento.",
    reveal_heading: "1. Revela tu secreto de desempate",
    reveal_help: "Antes de abrir la votación, cada miembro se comprometió con un secreto hecho con su propia clave. Ahora que el registro de papeletas está sellado, cada uno lo revela. Los empates, si los hay, se deciden con una semilla hecha con la raíz del registro sellado y todas las revelaciones: nadie podía conocerla mientras se votaba y ningún miembro puede elegirla, porque solo puedes revelar el secreto con el que te comprometiste.",
    witnesses_heading: "Los testigos del registro",
    witness_row: |name, cosigned| {
        if cosigned {
            format!("{name}: firmó el registro sellado")
        } else {
            format!("{name}: todavía no")
        }
    },
    witnessed: "El registro sellado tiene las firmas que pide la política de testigos del ciclo.",
    not_yet_witnessed: "El recuento espera a que el registro sellado tenga las firmas que pide la política de testigos del ciclo. Pebble se las pide a los testigos cada minuto; un testigo que se niega vio un registro distinto.",
    ballots_sealed: |n| {
        let ballots = if n == 1 { "papeleta" } else { "papeletas" };
        format!("El registro sellado contiene {n} {ballots}.")
    },
    reveals_status: |revealed, needed| {
        format!(
            "Reveladas: {revealed}; el recuento necesita {needed}. Se hace solo en cuanto todos los miembros que se comprometieron han revelado."
        )
    },
    revealed_word: "revelado",
    not_revealed_word: "aún no revelado",
    no_commitment_word: "nada que revelar (sin compromiso)",
    reveal_button: "Revelar mi secreto",
    secret_label: "O pega el secreto que mostró pebble-verify",
    reveal_offline: |salt| {
        format!(
            "Sin JavaScript, en tu propio ordenador: pebble-verify reveal --key TU-CLAVE.json --salt {salt}"
        )
    },
    you_revealed: "Ya has revelado tu secreto.",
    revealed: "Tu secreto está revelado. El recuento se hace en cuanto todos los miembros que se comprometieron han revelado.",
    start_help: |needed| {
        format!(
            "Si un miembro no puede revelar, el recuento puede hacerse cuando hayan revelado {needed}; el acta nombrará a quien no lo hizo."
        )
    },
    start_button: "Contar ya con lo revelado",
    counted: "El recuento está hecho. Revisa el acta y certifícala u opón una objeción.",
    review_heading: "2. Revisa y certifica el acta",
    review_help: "Tu decisión se firma con tu propia clave del comité, en este navegador: el servidor puede comprobarla pero nunca hacerla. Cuando suficientes miembros certifican y nadie objeta, se publican los resultados. Nadie fuera del comité ve nada de esto antes.",
    hash_label: "Hash del acta",
    reveals_label: "Revelaciones",
    withheld: |names| format!("No revelaron: {names}."),
    root_label: "Raíz del registro sellado",
    seed_label: "Semilla de desempate",
    ballots: |online, paper| {
        format!(
            "{} papeletas: {online} en línea, {paper} en papel.",
            online + paper
        )
    },
    imported: |n| {
        format!(
            "{n} votos importados de un archivo de pabulib (una elección pasada, para practicar)."
        )
    },
    funded_heading: "Financiados",
    spent: |spent, budget| format!("{spent} gastados de {budget}."),
    transcript_heading: "Transcripción, ronda a ronda",
    turnout_heading: "Participación por grupo",
    turnout_columns: ["Grupo", "Códigos emitidos", "Códigos usados"],
    decisions_heading: "Decisiones",
    decisions_none: "Ningún miembro ha decidido aún.",
    certified_word: "certificó",
    objected_word: "objetó",
    progress: |certified, needed, committee, objections| {
        let mut text = format!(
            "{certified} de las {needed} certificaciones necesarias ({committee} miembros)."
        );
        if objections > 0 {
            text.push_str(&format!(
                " Objeciones pendientes: {objections}. No se publica nada mientras haya una."
            ));
        }
        text
    },
    sign_help: "Cada miembro tiene una sola decisión: si vuelves a decidir, sustituye a la anterior.",
    certify_button: "Certificar esta acta con mi clave",
    object_summary: "Objetar esta acta en su lugar",
    object_label: "Para objetar, di qué está mal",
    object_button: "Objetar con mi clave",
    note_label: "O pega la decisión firmada que mostró pebble-verify",
    send_note: "Enviar esta decisión",
    sign_offline: |address| {
        format!(
            "Sin JavaScript, en tu propio ordenador: descarga el acta ({address}) y ejecuta pebble-verify sign --key TU-CLAVE.json --certify acta.json (o --object --reason \"qué está mal\"). Vuelve a comprobar toda el acta antes de firmar."
        )
    },
    download_record: "Descargar el acta",
    decided_certify: "Tu certificación está registrada.",
    decided_object: "Tu objeción está registrada; el comité la ve.",
    published: "Era la última certificación necesaria: los resultados están publicados.",
    certified_notice: "Este ciclo está certificado y sus resultados son públicos.",
    no_such_cycle: "No existe ese ciclo.",
    not_on_committee: "Solo los miembros del comité de este ciclo, tal como era al abrir la votación, lo cuentan y certifican.",
    already_counted: "El recuento ya se hizo; revisa el acta.",
    not_counted: "El recuento aún no se ha hecho: primero los miembros revelan sus secretos.",
    stale_hash: "El acta cambió desde que se cargó esta página. Recárgala y vuelve a revisar el acta.",
    reason_required: "Di qué está mal para objetar.",
    not_witnessed: |by| {
        let by = if by.is_empty() {
            "ninguno todavía".to_owned()
        } else {
            by.join(", ")
        };
        format!(
            "El recuento espera a los testigos del registro: el punto de control sellado aún no tiene las firmas que pide la política de testigos del ciclo (firmado hasta ahora por: {by}). Pebble se las pide cada minuto. Si un testigo se niega, se le mostró un registro distinto: habla con quien lo gestiona antes de seguir."
        )
    },
    count_failed: |detail| format!("No se pudo hacer el recuento: {detail}."),
    not_counting_yet: "Este ciclo aún no está en recuento: primero tiene que cerrarse la votación.",
    wrong_secret: "Este secreto no abre tu compromiso. Usa el archivo de clave con el que te comprometiste.",
    nothing_to_reveal: "No hiciste ningún compromiso de desempate en este ciclo, así que no hay nada que revelar.",
    already_revealed: "Ya has revelado tu secreto.",
    too_few_reveals: |revealed, needed| {
        format!("Han revelado {revealed} miembros; el recuento necesita {needed}.")
    },
    not_signed: |detail| format!("No se aceptó esta decisión: {detail}."),
    bad_time: "La hora de esta decisión no es la actual: revisa el reloj de tu ordenador y vuelve a firmar.",
    secret_not_hex: "El secreto tiene 64 dígitos hexadecimales, tal como lo muestra pebble-verify.",
    key_needs_script: "Este paso usa tu archivo de clave en tu navegador y necesita JavaScript; sin él, usa el formulario de abajo.",
    key_file_label: "Tu archivo de clave del comité",
    passphrase_label: "Su frase de contraseña",
    key_working: "Trabajando…",
    key_not_a_file: "Esto no es un archivo de clave del comité de Pebble.",
    key_wrong_passphrase: "La frase de contraseña no abre este archivo de clave.",
    key_short_passphrase: "Elige una frase de contraseña de al menos 12 caracteres.",
    key_no_random: "Este navegador no puede generar números aleatorios o leer su reloj; usa otro, o pebble-verify.",
    key_not_yours: "Este archivo no es la clave de tu puesto en el comité. Elige tu propio archivo de clave.",
    passphrases_differ: "Las dos frases de contraseña no coinciden.",
    new_passphrase_label: "Una frase de contraseña para tu archivo de clave",
    new_passphrase_help: "Al menos 12 caracteres; cuatro o cinco palabras sin relación son fáciles de recordar y difíciles de adivinar. Nadie puede recuperarla por ti.",
    passphrase_again_label: "La misma frase otra vez",
    make_key: "Crear mi clave",
    key_made: "Tu clave está creada. Descarga el archivo y guárdalo (con su frase) en un lugar seguro: necesitas ambos para comprometerte, revelar y certificar. Después regístrala.",
    download_key: "Descargar mi archivo de clave",
    register_key: "Ya lo guardé: registrar mi clave",
    keys_title: "Tu clave del comité",
    keys_intro: "Como miembro del comité certificas los recuentos con una clave que solo tú tienes. Tu navegador la crea y la guarda en un archivo protegido con tu frase de contraseña; el servidor solo guarda su mitad pública, así que nadie que administre el servidor puede certificar en tu nombre.",
    key_registered: |when, fingerprint| {
        format!("Tu clave se registró el {when}. Clave pública: {fingerprint}")
    },
    no_key: "Aún no tienes clave del comité.",
    make_heading: "Crea tu clave",
    replace_heading: "Sustituye tu clave",
    replace_help: "Una clave nueva sustituye a la anterior en los ciclos cuya votación aún no se ha abierto y borra tus compromisos con ellos (vuelve a hacerlos con la clave nueva).",
    public_key_label: "O pega la clave pública que mostró pebble-verify",
    keygen_offline: |username| {
        format!(
            "Sin JavaScript, en tu propio ordenador: pebble-verify keygen --owner {username} --out mi-clave-comite.json"
        )
    },
    register_button: "Registrar esta clave pública",
    key_saved: "Tu clave del comité está registrada.",
    cycles_heading: "Tus ciclos",
    no_cycles: "No formas parte del comité de ningún ciclo.",
    commit_help: "Antes de que se abra la votación, comprométete con un secreto de desempate hecho con tu clave. La votación no puede abrirse hasta que todos los miembros lo hayan hecho.",
    committed: "Te has comprometido con tu secreto de desempate.",
    not_committed: "Aún no te has comprometido.",
    commit_button: "Comprometerme con mi clave",
    salt_label: "O pega la sal",
    commitment_label: "y el compromiso que mostró pebble-verify",
    commit_offline: "Sin JavaScript, en tu propio ordenador: pebble-verify commit --key mi-clave-comite.json",
    send_commitment: "Enviar este compromiso",
    committed_notice: "Tu compromiso está registrado.",
    frozen_notice: "La votación se abrió: tu clave y tu compromiso están fijados en su manifiesto.",
    go_count: "Ir al recuento",
    needs_key_first: "Primero registra tu clave del comité.",
    key_in_use: |cycle| {
        format!(
            "Tu clave está fijada en el ciclo {cycle}, que aún no está certificado; sigue usándola hasta entonces."
        )
    },
    not_a_public_key: "Una clave pública tiene 64 dígitos hexadecimales.",
    not_a_commitment: "La sal tiene 32 dígitos hexadecimales y el compromiso 64.",
    commit_closed: "La votación de este ciclo ya se abrió: sus compromisos están fijados.",
    not_committee_of: "No formas parte del comité de este ciclo.",
    keys_link: "Clave del comité",
};
