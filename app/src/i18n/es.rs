//! Spanish.

use super::Strings;
use super::messages::Thing;
use crate::domain::problem::Problem;
use crate::domain::{Action, MoveRefusal};

/// Spanish UI strings.
pub const STRINGS: Strings = Strings {
    skip_to_content: "Saltar al contenido",
    tagline: "Presupuesto participativo para escuelas",
    footer: "Pebble: el alumnado propone, la comunidad escolar decide y cualquiera puede verificar el recuento.",
    account_menu: "Cuenta e idioma",
    signed_in_as: "Sesión iniciada como",
    sign_in: "Iniciar sesión",
    sign_out: "Cerrar sesión",
    sign_in_help: "Las cuentas las crea la persona que administra Pebble en tu escuela. Para votar no hace falta cuenta: se usa un código de votación.",
    username: "Nombre de usuario",
    password: "Contraseña",
    language: "Idioma",
    change_language: "Cambiar",
    show_password: "Mostrar contraseña",
    characters_used: |used, max| format!("{used} de {max} caracteres"),
    characters_at_most: |max| format!("Como máximo {max} caracteres."),
    admin_link: "Administración",
    proposals_heading: "Propuestas",
    budget: "Presupuesto",
    phase: "Fase",
    voter_codes: "Códigos de votación",
    voter_codes_help: "Cada código emite una papeleta. Los códigos pertenecen a un grupo (una clase o un curso), nunca a una persona; repártelos al azar dentro del grupo.",
    code_group: "Grupo",
    code_count: "Cuántos códigos (de 1 a 10.000)",
    issue_codes: "Emitir códigos",
    codes_issued: |n, group, total| {
        format!(
            "{n} códigos nuevos para {group} (el grupo tiene ahora {total}). Solo se muestran ahora: imprímelos o cópialos antes de salir de esta página."
        )
    },
    code_qr_alt: "Código QR: abre la papeleta con este código ya escrito",
    print_codes: "Imprimir la hoja de códigos",
    manifest_hash: "Huella de la papeleta (hash del manifiesto)",
    see_results: "Ver los resultados certificados",
    past_results: "Resultados de ciclos anteriores",
    manifest_hash_help: "La papeleta quedó fijada al abrirse la votación. Cada recibo y el recuento final se refieren a este SHA-256; compáralo con el publicado en la escuela.",
    sort_label: "Ordenar propuestas",
    sort_newest: "En orden de envío",
    sort_cost: "Las más baratas primero",
    by: "por",
    comment_one: "comentario",
    comment_many: "comentarios",
    loading: "Cargando…",
    no_cycle: "Todavía no hay ningún ciclo de presupuesto.",
    load_failed: "No se pudo cargar esta página. Inténtalo de nuevo en un momento.",
    not_found: "Página no encontrada",
    back_home: "Volver a la página de inicio",
    new_proposal: "Enviar una propuesta",
    proposals_closed: "Las propuestas se envían en la fase de ideas. Este ciclo está ahora en la fase:",
    students_propose: "Las propuestas las envía el alumnado.",
    title_label: "Título",
    summary_label: "Resumen (un párrafo)",
    description_label: "Descripción",
    category_label: "Categoría",
    cost_label: "Costo estimado",
    submit_proposal: "Enviar propuesta",
    ballot_cost: "Costo en la papeleta",
    merged_into: "Fusionada con",
    committee_note: "Nota del comité",
    edit_proposal: "Editar tu propuesta",
    save_changes: "Guardar cambios",
    review_heading: "Revisión del comité",
    verdict: "Decisión",
    verdict_feasible: "Viable: va a la papeleta",
    verdict_not_feasible: "No viable",
    verdict_merged: "Duplicada: fusionar con otra propuesta",
    merge_into: "Número de la propuesta que duplica",
    public_note: "Nota pública",
    save_review: "Guardar revisión",
    thread_heading: "Debate",
    no_comments: "Aún no hay comentarios. Sé la primera persona en opinar.",
    thread_closed: "Este debate está cerrado: los resultados del ciclo están certificados.",
    sign_in_to_comment: "para participar en el debate.",
    your_comment: "Tu comentario",
    post_comment: "Publicar comentario",
    reply: "Responder",
    your_reply: "Tu respuesta",
    post_reply: "Publicar respuesta",
    edit: "Editar",
    edit_comment: "Edita tu comentario",
    edited: "(editado)",
    report: "Denunciar",
    report_reason: "¿Qué problema tiene este comentario?",
    send_report: "Enviar denuncia",
    reports: "denuncias",
    hide: "Ocultar",
    hide_reason: "Motivo público para ocultarlo",
    hide_comment: "Ocultar comentario",
    hidden_by_committee: "Ocultado por el comité:",
    former_member: "Antiguo miembro",
    thread_pages: "Páginas del debate",
    previous: "Anterior",
    next: "Siguiente",
    admin_heading: "Administración del ciclo",
    admins_only: "Solo la administración puede gestionar el ciclo. Inicia sesión con una cuenta de administración.",
    move_to: "Pasar a la siguiente fase:",
    last_phase: "Este ciclo está certificado; no tiene más fases.",
    filter_status: "Estado",
    filter_all: "Todas",
    search: "Buscar",
    apply_filters: "Filtrar",
    no_matches: "Ninguna propuesta coincide con estos filtros.",
    clear_filters: "Ver todas las propuestas",
    role: "Rol",
    role_student: "Estudiante",
    role_family: "Familiar",
    role_committee: "Miembro del comité",
    role_admin: "Administración",
    display_name: "Nombre visible",
    create_account: "Crear una cuenta",
    account_created: "Creada",
    shown_once: "(solo se muestra esta vez)",
    import_roster: "Importar una lista",
    roster_help: "Una cuenta por línea: username,display_name,role (student, family o committee). Cada fila se crea o se rechaza por separado.",
    roster_csv: "Lista (CSV)",
    roster_report: "Qué pasó con cada fila",
    line: "Línea",
    result: "Resultado",
    rejected: "Rechazada:",
    invite_codes: "Códigos de invitación",
    make_invite: "Crear un código de invitación",
    invite_made: "Código de invitación:",
    join: "Unirse con un código de invitación",
    invite_code: "Código de invitación",
    cycles_heading: "Ciclos",
    new_cycle: "Nuevo ciclo",
    cycle_settings: "Configuración",
    draft_private: "Los borradores solo los ven las personas administradoras hasta que pasan a ideas.",
    cycle_name: "Nombre",
    school_name: "Escuela o comunidad",
    cycle_description: "Para qué es el presupuesto",
    currency: "Moneda (tres letras, p. ej. USD)",
    total_budget: "Presupuesto total",
    ballot_heading: "Papeleta",
    ballot_kind: "Tipo de papeleta",
    kind_approval: "Aprobación: elegir proyectos dentro del presupuesto",
    kind_ranked: "Ordenada: poner proyectos en orden",
    kind_allocation: "Reparto: distribuir puntos",
    approval_limits: "Papeletas de aprobación",
    min_projects: "Mínimo de proyectos",
    max_projects: "Máximo de proyectos (vacío: sin límite)",
    min_budget_percent: "Parte mínima del presupuesto, en %",
    ranked_limits: "Papeletas ordenadas",
    max_ranks: "Máximo de proyectos ordenados",
    allocation_limits: "Papeletas de reparto",
    points: "Puntos por votante",
    must_use_all: "Hay que usar todos los puntos",
    counting_heading: "Recuento",
    rule: "Regla",
    rule_greedy: "Voraz: más votos primero, mientras alcance el dinero",
    rule_mes: "Método de partes iguales",
    rule_irv: "Segunda vuelta instantánea (un ganador)",
    rule_stv: "Voto único transferible (varios puestos)",
    completion: "Completado (solo partes iguales)",
    seats: "Puestos (solo VUT)",
    tie_break: "Desempate",
    tie_cheapest: "Proyecto más barato y luego sorteo con semilla",
    tie_previous: "Rondas anteriores y luego sorteo con semilla (IRV, VUT)",
    tie_id: "Número de proyecto (para verificaciones)",
    committee_heading: "Comité",
    no_committee_accounts: "Todavía no hay cuentas del comité: créalas primero en la página de administración.",
    certify_k: "Firmas necesarias para certificar (k de los miembros marcados)",
    create_cycle: "Crear el ciclo",
    save_settings: "Guardar la configuración",
    settings_saved: "Configuración guardada.",
    settings_frozen: "La votación está abierta: el presupuesto, la papeleta, la regla, el desempate y el comité están congelados. Solo pueden cambiar el nombre, la escuela y la descripción.",
    save_text: "Guardar nombre y descripción",
    cycle_final: "Este ciclo está certificado: su configuración es definitiva.",
    back_to_admin: "Volver a la administración de ciclos",
    image_heading: "Imagen",
    image_file: "Archivo de imagen (PNG, JPEG o WebP)",
    image_hint: "Como máximo 2 MB. Una foto o un dibujo de la idea ayuda a imaginarla.",
    image_description: "Describe la imagen para quien no pueda verla",
    upload_image: "Subir imagen",
    replace_image: "Cambiar imagen",
    remove_image: "Quitar imagen",
    field_labels: [
        "El título",
        "El resumen",
        "La descripción",
        "La categoría",
        "El costo estimado",
        "El costo en la papeleta",
        "El comentario",
        "El motivo",
        "La nota pública",
        "La descripción de la imagen",
        "El nombre visible",
    ],
    describe,
    phase_words: [
        "borrador",
        "ideas",
        "revisión",
        "deliberación",
        "votación",
        "recuento",
        "certificación",
    ],
    phase_refusal,
    role_words: [
        "estudiante",
        "familia",
        "miembro del comité",
        "administración",
    ],
    role_cannot: |role| format!("Una cuenta de {role} no puede hacer esto."),
    sign_in_first: "Primero inicia sesión.",
    enter_both: "Escribe tu usuario y tu contraseña.",
    credentials_too_long: "Ese usuario o esa contraseña son demasiado largos.",
    wrong_password: "El usuario y la contraseña no coinciden. Revisa ambos y vuelve a intentarlo.",
    too_many_attempts: |minutes| {
        format!(
            "Demasiadas contraseñas incorrectas para este usuario. Espera {minutes} minutos y vuelve a intentarlo, o pide ayuda a la administración de Pebble de tu escuela."
        )
    },
    comment_rate: |n| format!("Puedes publicar {n} comentarios por minuto; espera un momento."),
    proposal_rate: |n| {
        format!(
            "Puedes enviar {n} propuestas por hora; espera un poco o mejora una de las que enviaste."
        )
    },
    only_author_proposal: "Solo quien la escribió puede editar una propuesta.",
    only_author_comment: "Solo quien lo escribió puede editar un comentario, y no si está oculto.",
    edit_window: |minutes| {
        format!(
            "Los comentarios se pueden editar durante {minutes} minutos después de publicarlos; responde en su lugar."
        )
    },
    no_such: |thing, id| {
        let what = match thing {
            Thing::Proposal => "ninguna propuesta",
            Thing::Comment => "ningún comentario",
            Thing::CommentInThread => "ningún comentario en este debate",
            Thing::Cycle => "ningún ciclo",
        };
        format!("No hay {what} con el número {id}.")
    },
    reply_to_number: |raw| {
        format!("El comentario al que respondes debe ser un número, no «{raw}».")
    },
    internal_error: "Algo falló de nuestro lado. Vuelve a intentarlo en un momento.",
    database_busy: "El servidor está ocupado ahora mismo y no se guardó nada. Vuelve a intentarlo en un momento.",
    wrong_method: "Esa dirección recibe un formulario enviado con POST.",
    unreachable: "No se pudo conectar con Pebble. Revisa tu conexión y vuelve a intentarlo.",
    phase_moved: "El ciclo acaba de pasar a otra fase y esto ya no se puede hacer. Recarga la página para ver en qué fase está.",
    move_refusal,
    not_a_phase: |raw| {
        format!(
            "«{raw}» no es una fase; las fases son draft, ideas, review, deliberation, voting, counting y certified."
        )
    },
    not_a_language: |raw| format!("«{raw}» no es un idioma que Pebble ofrezca."),
    not_a_proposal_number: |raw| format!("«{raw}» no es un número de propuesta."),
    merge_needs_number: |raw| {
        format!("Para fusionarla, indica el número de la propuesta que duplica, no «{raw}».")
    },
    merge_elsewhere: |id| format!("La propuesta {id} no es otra propuesta de este ciclo."),
    bad_verdict: |raw| format!("La decisión debe ser feasible, not_feasible o merged, no «{raw}»."),
    upload_unreadable: |detail| {
        format!("No se pudo leer el archivo enviado ({detail}); vuelve a intentarlo.")
    },
    settings_frozen_in: |phase| {
        format!(
            "Este ciclo está en la fase de {phase}: la votación congeló su presupuesto, papeleta, regla, desempate y comité. Solo el nombre, la escuela y la descripción pueden cambiar."
        )
    },
    not_committee: |id| {
        format!("La cuenta {id} no es de un miembro del comité; elige una de la lista.")
    },
    upload_not_multipart: "Un archivo se envía como formulario multipart (multipart/form-data con un boundary), tal como lo envía el formulario de la página.",
    confirm_close_voting: "Cerrar la votación no se puede deshacer: marca la casilla que lo dice y luego ciérrala.",
    close_voting_warning: "Cerrar la votación sella el registro de papeletas: no se pueden emitir más papeletas, ni en línea ni en papel, y no se puede volver a abrir. Después el comité cuenta y certifica.",
    close_voting_confirm: "Lo entiendo: sellar el registro y no aceptar más papeletas",
    committee_certifies: "El comité cuenta y certifica este ciclo: pasa a certificado cuando suficientes miembros certifican el recuento. Nadie lo mueve a mano.",
    committee_readiness: "La votación se abre cuando cada miembro del comité ha creado su clave y se ha comprometido con un secreto de desempate (en su página de clave del comité):",
    member_ready: "listo",
    member_not_committed: "tiene clave, aún no se ha comprometido",
    member_no_key: "aún no tiene clave",
    account_title: "Tu cuenta",
    password_changed: "Tu contraseña está cambiada. Se cerró la sesión en cualquier otro dispositivo con tu cuenta.",
    sign_out_everywhere: "Cerrar sesión en todas partes",
    sign_out_everywhere_hint: "¿Entraste en un portátil de clase o en el teléfono de otra persona y no sabes si cerraste la sesión? Esto la cierra en todos los dispositivos, también en este.",
    choose_own_password: "La contraseña con la que entraste la creó un administrador y solo servía una vez. Elige ahora la tuya: nadie más la sabrá.",
    choose_own_password_first: "Primero elige tu propia contraseña en la página de tu cuenta (/account): la que creó un administrador solo servía una vez.",
    change_password: "Cambiar mi contraseña",
    current_password: "Tu contraseña actual",
    new_password: "Contraseña nueva",
    new_password_again: "Contraseña nueva otra vez",
    current_password_wrong: "Tu contraseña actual no es esa. No se ha cambiado nada.",
    passwords_differ: "Las dos contraseñas nuevas no coinciden. No se ha cambiado nada.",
    not_on_this_committee: "Solo los miembros del comité de presupuesto de este ciclo pueden hacer esto.",
    form_too_large: "Este formulario es demasiado grande para ser una papeleta. Vuelve atrás y envíalo de nuevo.",
    form_unreadable_page: "No se pudo leer este formulario. Vuelve a la página y envíalo de nuevo.",
    upload_far_too_large: "Ese archivo es demasiado grande: las imágenes pueden pesar como máximo 2 MB. Vuelve atrás y elige un archivo más pequeño.",
    form_unreadable: |field| match field {
        Some(field) => format!(
            "No se pudo leer el formulario: revisa el campo '{field}'. Completa cada campo con el tipo de valor que pide."
        ),
        None => "No se pudo leer el formulario. Completa cada campo con el tipo de valor que pide."
            .to_owned(),
    },
    invite_unknown: "Ese código de invitación no es válido o ya se usó. Compruébalo con quien te lo dio.",
    invite_too_many_tries: "Esta invitación se probó con cinco nombres de usuario ya ocupados, así que no admite más. Pide una nueva a quien te la dio.",
    username_taken: |name| format!("El usuario «{name}» ya existe; elige otro."),
    phases: [
        "Borrador",
        "Ideas",
        "Revisión",
        "Deliberación",
        "Votación",
        "Recuento",
        "Certificado",
    ],
    statuses: ["Enviada", "Viable", "No viable", "Fusionada", "Oculta"],
};

/// `label` with its first letter in lower case, for the middle of a sentence.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn describe(problem: &Problem, label: &str) -> String {
    match problem {
        Problem::Required(_) => format!("Falta {}.", lower_first(label)),
        Problem::TooLong { length, max, .. } => {
            format!("{label} tiene {length} caracteres; el límite es {max}.")
        }
        Problem::ControlCharacter(_) => {
            format!("{label} contiene un carácter de control; quítalo.")
        }
        Problem::NotPositive(_) => format!("{label} debe ser mayor que cero."),
        Problem::AboveMax { max, .. } => format!("{label} supera {max}."),
        Problem::NotAnAmount { raw, .. } => {
            format!("{label} debe ser un importe como 1250 o 1250.50, no «{raw}».")
        }
        Problem::NoImage => "Elige un archivo de imagen para subir.".to_owned(),
        Problem::ImageTooBig { tenths_of_mb: t } => format!(
            "La imagen pesa {},{} MB; el límite es 2 MB. Redúcela y vuelve a intentarlo.",
            t / 10,
            t % 10
        ),
        Problem::NotAnImage => "Ese archivo no es una imagen PNG, JPEG ni WebP.".to_owned(),
        Problem::UsernameLength { min, max, length } => {
            format!("El usuario debe tener de {min} a {max} caracteres, no {length}.")
        }
        Problem::UsernameCharacter(bad) => {
            format!("El usuario puede usar letras a–z, cifras, «.», «_» y «-», no «{bad}».")
        }
        Problem::PasswordLength { min, max } => {
            format!("La contraseña debe tener de {min} a {max} caracteres.")
        }
        Problem::PasswordGuessable => "Esa contraseña es demasiado fácil de adivinar: es una contraseña común o se parece a una. Usa varias palabras sin relación, o una frase más larga.".to_owned(),
        Problem::ImageDimensions { width, height, max } => format!(
            "La imagen mide {width} × {height} píxeles; el límite es {max} × {max}. Redúcela y vuelve a intentarlo."
        ),
    }
}

fn phase_refusal(action: Action, phase: &str) -> String {
    match action {
        Action::SubmitProposal => format!(
            "Las propuestas solo se envían en la fase de ideas; este ciclo está en la fase de {phase}."
        ),
        Action::EditOwnProposal => format!(
            "Las propuestas solo se editan en la fase de ideas; este ciclo está en la fase de {phase}."
        ),
        Action::ReviewProposal => format!(
            "Las propuestas se revisan en la fase de revisión; este ciclo está en la fase de {phase}."
        ),
        Action::Comment | Action::ReportComment | Action::ModerateComment => {
            format!("Los debates son de solo lectura en la fase de {phase}.")
        }
        Action::MovePhase | Action::ManageAccounts => format!("La fase de {phase} es la última."),
        Action::EditCycle => format!(
            "Un ciclo en la fase de {phase} ya no se puede editar: su registro es definitivo."
        ),
        Action::IssueCodes => format!(
            "Los códigos de votación se emiten hasta el final de la votación; este ciclo está en la fase de {phase}."
        ),
        Action::PaperBallots => format!(
            "Las papeletas en papel se imprimen y se introducen mientras la votación está abierta; este ciclo está en la fase de {phase}."
        ),
        Action::CommitTiebreak => format!(
            "Los compromisos de desempate se hacen antes de que se abra la votación; este ciclo está en la fase de {phase}."
        ),
        Action::Certify => format!(
            "El recuento se hace y se certifica en la fase de recuento; este ciclo está en la fase de {phase}."
        ),
        Action::WitnessLog => format!(
            "El comité atestigua el registro de votos mientras la votación está abierta y una vez sellado; este ciclo está en la fase de {phase}."
        ),
    }
}

fn move_refusal(refusal: &MoveRefusal, phases: &[&'static str; 7]) -> String {
    match refusal {
        MoveRefusal::NoSuchCycle(id) => format!("No hay ningún ciclo número {id}."),
        MoveRefusal::Moved { now } => format!(
            "Este ciclo ya está en la fase de {}; recarga la página para verlo.",
            phases[now.index()]
        ),
        MoveRefusal::Last => "La fase de certificación es la última.".to_owned(),
        MoveRefusal::NeedsCertification => "Un ciclo pasa del recuento a certificado solo cuando suficientes miembros del comité certifican su recuento.".to_owned(),
        MoveRefusal::NoProposals => {
            "Todavía no se ha enviado ninguna propuesta; la revisión necesita al menos una.".to_owned()
        }
        MoveRefusal::Unreviewed { count, first } => format!(
            "{count} propuesta(s) enviada(s) aún esperan la revisión del comité, empezando por la número {first}."
        ),
        MoveRefusal::Settings(detail) => {
            format!("Primero hay que corregir la configuración del ciclo: {detail}")
        }
        MoveRefusal::Ballot(detail) => format!("La papeleta no puede abrirse: {detail}."),
        MoveRefusal::PaperWaiting { count, first } => format!(
            "Papeletas en papel pendientes del comité: {count}, empezando por {first} (introducidas una vez, o con entradas distintas). Introdúcelas o resuélvelas primero en la mesa de papeletas: al cerrar la votación el registro ya no admite nada."
        ),
        MoveRefusal::CommitteeNotReady(names) => format!(
            "La votación se abre cuando cada miembro del comité ha creado su clave de certificación y se ha comprometido con un secreto de desempate (en su página del comité); faltan: {}.",
            names.join(", ")
        ),
    }
}
