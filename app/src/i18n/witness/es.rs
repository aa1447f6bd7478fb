//! Spanish.

use super::WitnessStrings;

/// Spanish.
pub static WITNESS: WitnessStrings = WitnessStrings {
    heading: "Atestigua el registro de votos",
    opening_help: "La política de testigos del ciclo hace de cada miembro del comité un testigo del registro de votos. Firma ahora su punto de control, mientras la votación está abierta: tu navegador comprueba que lo firmó la clave del propio registro y lo firma con tu clave. Al cerrar la votación firmarás el registro sellado, y tu navegador comprobará que prolonga este, para que nadie pueda cambiar papeletas en silencio entre medias.",
    sealed_help: "Firma el registro sellado: tu navegador comprueba que prolonga el punto de control que firmaste antes (una prueba de consistencia) y lo firma con tu clave. El recuento espera las firmas que pide la política de testigos; la tuya queda en el acta.",
    checkpoint: |size, root| {
        let entries = if size == 1 { "entrada" } else { "entradas" };
        format!("Punto de control del registro: {size} {entries}, raíz {root}")
    },
    done: "Ya firmaste este punto de control.",
    last_cosigned: |size| match size {
        Some(size) => format!("Tu última firma del registro fue con {size} entradas."),
        None => "Todavía no has firmado este registro.".to_owned(),
    },
    button: "Comprobar y firmar con mi clave",
    offline: |log_key, name| {
        format!("Sin JavaScript: guarda la petición de abajo como request.txt, y el último punto de control que firmaste (si aparece) como state.txt salvo que conserves ese archivo de la vez anterior; ejecuta

pebble-verify cosign --key TU-CLAVE.json --request request.txt --state state.txt --log-key {log_key} --name {name}

y pega la línea que imprime.")
    },
    request_label: "La petición al testigo (c2sp.org/tlog-witness)",
    handed_label: "El punto de control que firmaste la última vez",
    line_label: "Tu línea de firma",
    send: "Enviar la firma",
    cosigned_notice: "Tu firma del registro de votos queda guardada.",
    not_consistent: "No firmes: este punto de control no está firmado por la clave del registro, o no prolonga el que firmaste antes. El servidor te mostró un registro distinto. Avisa al resto del comité.",
    not_cosigned: "No firmes: el punto de control que el servidor dice que firmaste la última vez no lleva tu firma. Avisa al resto del comité.",
    withheld: "No firmes: este navegador firmó un punto de control posterior de este registro al que devuelve el servidor. El servidor oculta lo que firmaste. Avisa al resto del comité.",
    not_a_witness: "La política de testigos de este ciclo no te hace testigo de su registro.",
    bad_size: "Ese no es el tamaño de un punto de control de este registro: recarga la página y firma el que muestra.",
    bad_line: |size| {
        format!(
            "Esa firma no es tuya sobre el punto de control del registro con {size} entradas: pega la única línea que imprimió pebble-verify cosign, que empieza por —."
        )
    },
};
