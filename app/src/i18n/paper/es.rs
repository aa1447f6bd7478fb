//! Español.

use pebble_domain::SerialError;

use super::PaperStrings;

fn serial_error(error: &SerialError) -> String {
    match error {
        SerialError::Length(n) => format!(
            "El número de serie de una papeleta tiene 12 letras y cifras; este tiene {n}. Revisa la parte superior de la papeleta."
        ),
        SerialError::Character(c) => {
            format!("'{c}' nunca forma parte de un número de serie: revisa ese carácter.")
        }
    }
}

/// Español.
pub static PAPER: PaperStrings = PaperStrings {
    spoiled_tally: |n| format!("Nulas: {n}."),
    waiting_heading: |n| format!("Pendientes del comité: {n}"),
    waiting_help: "Estas papeletas en papel se introdujeron una vez, o sus dos entradas no coinciden. La votación no puede cerrarse hasta que otro miembro las introduzca o se resuelvan: una vez sellado, el registro no admite nada más.",
    keyed_spoiled: "Introducida como nula.",
    status_spoiled: "nula: se cuenta como tal, no está en el registro",
    keys_approval: "Marca cada proyecto cuya casilla está marcada en la papeleta en papel.",
    keys_ranked: "Escribe el número anotado en la casilla de cada proyecto en la papeleta en papel; deja en blanco las casillas en blanco.",
    keys_allocation: "Escribe los puntos anotados en la casilla de cada proyecto en la papeleta en papel; deja en blanco las casillas en blanco.",
    spoiled_label: "Esta papeleta en papel es nula",
    spoiled_help: "Marcada más allá de los límites de la papeleta (por encima del presupuesto, demasiados proyectos, más puntos de los disponibles) o ilegible. Otro miembro también la introduce; si ambos dicen nula, se cuenta como nula y no entra en el registro.",
    keyed_spoiled_both: |serial| {
        format!(
            "Las dos entradas de {serial} dicen nula: se cuenta como nula y no entra en el registro."
        )
    },
    desk_title: "Papeletas en papel",
    desk_intro: "Cada papeleta se teclea dos veces, por dos miembros distintos del comité que no ven la entrada del otro. Si las dos entradas coinciden, la papeleta entra en el registro de votos; si no, espera abajo a que el comité la resuelva.",
    tally: |open, logged, mismatch, voided| {
        format!(
            "{open} por teclear · {logged} en el registro · {mismatch} con discrepancia · {voided} anuladas"
        )
    },
    print_heading: "Imprimir papeletas",
    print_help: "Cada papeleta lleva su propio número de serie aleatorio. La página que se abre contiene solo esta tirada; imprímela desde el navegador.",
    print_count: "Cuántas papeletas",
    print_button: "Crear las papeletas",
    key_heading: "Teclear una papeleta",
    key_help: "Escribe el número de serie impreso en la papeleta y marca exactamente lo que marcó la persona votante. Otro miembro teclea la misma papeleta sin ver tu entrada.",
    serial_label: "Número de serie (tal como está impreso, por ejemplo ABCD-EFGH-JKLM)",
    key_button: "Guardar mi entrada",
    keyed_waiting: |serial| {
        format!("Tu entrada para {serial} está guardada. Ahora la teclea otro miembro del comité.")
    },
    keyed_logged: |serial, index| {
        format!(
            "Las dos entradas de {serial} coinciden: la papeleta está en el registro como entrada {index}."
        )
    },
    keyed_mismatch: |serial| {
        format!(
            "Las dos entradas de {serial} no coinciden: espera abajo, en la cola de discrepancias."
        )
    },
    resolved: |serial, voided| {
        if voided {
            format!("{serial} queda anulada; el motivo se guarda en el acta.")
        } else {
            format!("{serial} queda lista para teclearse otra vez, dos veces.")
        }
    },
    yours_heading: "Tus entradas",
    yours_none: "Todavía no has tecleado ninguna papeleta de este ciclo.",
    status_open: "espera una segunda entrada",
    status_logged: "en el registro",
    status_mismatch: "discrepancia: espera al comité",
    status_voided: "anulada",
    queue_heading: "Discrepancias",
    queue_none: "No hay ninguna discrepancia pendiente.",
    keyed_by: |name| format!("Tecleada por {name}"),
    rekey: "Teclearla otra vez (borrar las dos entradas)",
    void: "Anular esta papeleta",
    reason_label: "Motivo (se guarda en el acta)",
    resolve_button: "Resolver",
    count_range: |max| format!("El número de papeletas es un número entero de 1 a {max}."),
    serial_error,
    unknown_serial: "Ninguna papeleta de este ciclo tiene ese número de serie: compáralo con la papeleta.",
    keyed_by_you: "Ya tecleaste esta papeleta; ahora la teclea otro miembro del comité.",
    already_logged: |index| {
        format!(
            "Esta papeleta ya está en el registro (entrada {index}); cada número de serie cuenta una vez."
        )
    },
    already_voided: "El comité anuló esta papeleta; no se vuelve a teclear.",
    waits_in_queue: "Las entradas de esta papeleta no coinciden; primero el comité la resuelve en la cola de discrepancias.",
    not_in_queue: "Esa papeleta no espera en la cola de discrepancias.",
    not_on_committee: "Solo los miembros del comité de este ciclo trabajan con sus papeletas en papel.",
    resolution_choice: "Elige teclear la papeleta otra vez o anularla.",
    unknown_run: |batch| format!("Este ciclo no tiene una tirada {batch}."),
    run_title: |batch| format!("Papeletas en papel, tirada {batch}"),
    run_help: |n| {
        format!(
            "{n} papeletas, una por página. Imprímelas desde el navegador (A4 o carta); esta página se puede volver a imprimir."
        )
    },
    paper_instructions: "Marca tu papeleta con bolígrafo y entrégala al comité de presupuesto. Apunta el número de serie: en la página «Comprobar mi comprobante» encuentra tu papeleta en el registro (las papeletas se publican con los resultados).",
    mark_approval: "Pon una cruz en la casilla de cada proyecto que quieras financiar.",
    mark_ranked: "Escribe 1 en la casilla de tu primera opción, 2 en la de la segunda, y así sucesivamente.",
    mark_allocation: "Escribe tus puntos en la casilla de cada proyecto que quieras financiar.",
    serial_on_paper: "Número de serie",
};
