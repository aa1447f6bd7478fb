//! Español.

use super::CountStrings;

/// Español.
pub static COUNT: CountStrings = CountStrings {
    title: "El recuento",
    choose: "Elige el ciclo que vas a contar:",
    none_counting: "Ninguno de tus ciclos está en recuento.",
    entropy_heading: "1. Introduce la entropía pública",
    entropy_help: "En la reunión de certificación, delante de todos los presentes, tirad dados (por ejemplo cinco dados, dos veces) o tomad los números de un sorteo público, y escribe exactamente lo que salió. Decide los empates, si los hay: la semilla es el SHA-256 de la raíz del registro sellado y de este texto, así que nadie podía conocerla mientras se votaba. Solo se introduce una vez.",
    ballots_sealed: |n| format!("El registro sellado contiene {n} papeletas."),
    entropy_label: "Lo que salió en los dados o el sorteo",
    entropy_button: "Hacer el recuento",
    counted: "El recuento está hecho. Revisa el acta de abajo y certifícala u opónte.",
    review_heading: "2. Revisar y certificar el acta",
    review_help: "Certificar firma el hash del acta con tu clave del comité. Cuando certifican suficientes miembros y nadie se opone, se publican los resultados. Hasta entonces nadie fuera del comité ve nada de esto.",
    hash_label: "Hash del acta",
    entropy_shown: "Entropía introducida",
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
    transcript_heading: "Acta del recuento, ronda a ronda",
    turnout_heading: "Participación por grupo",
    turnout_columns: ["Grupo", "Códigos emitidos", "Códigos usados"],
    decisions_heading: "Decisiones",
    decisions_none: "Ningún miembro ha decidido todavía.",
    certified_word: "certificó",
    objected_word: "se opuso",
    progress: |certified, needed, committee, objections| {
        let mut text = format!(
            "{certified} de las {needed} certificaciones necesarias ({committee} miembros)."
        );
        if objections > 0 {
            text.push_str(&format!(
                " Hay {objections} objeción(es): nada se publica mientras haya una."
            ));
        }
        text
    },
    certify_button: "Certificar esta acta",
    object_label: "O bien oponte, diciendo qué está mal",
    object_button: "Oponerme",
    decided_certify: "Tu certificación ha quedado registrada.",
    decided_object: "Tu objeción ha quedado registrada; el comité la ve.",
    published: "Era la última certificación necesaria: los resultados están publicados.",
    certified_notice: "Este ciclo está certificado y sus resultados son públicos.",
    no_such_cycle: "No existe ese ciclo.",
    not_on_committee: "Solo los miembros del comité de este ciclo, tal como era al abrirse la votación, lo cuentan y lo certifican.",
    already_counted: "La entropía ya se introdujo y el recuento está hecho; revisa el acta de abajo.",
    not_counted: "El recuento aún no se ha hecho: primero introduce la entropía pública.",
    stale_hash: "El acta cambió desde que se cargó esta página. Recárgala y revisa el acta de nuevo.",
    reason_required: "Para oponerte, di qué está mal.",
    count_failed: |detail| format!("No se pudo hacer el recuento: {detail}."),
    not_counting_yet: "Este ciclo aún no está en recuento: primero tiene que cerrarse la votación.",
    bad_decision: "Elige certificar u oponerte.",
};
