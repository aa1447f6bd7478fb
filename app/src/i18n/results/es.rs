//! Español.

use super::ResultsStrings;

/// Español.
pub static RESULTS: ResultsStrings = ResultsStrings {
    spoiled: |n| {
        format!(
            "{n} papeletas en papel fueron nulas (marcadas más allá de los límites o ilegibles): cuentan como participación, no como votos."
        )
    },
    title: |cycle| format!("Resultados: {cycle}"),
    certified_by: |k, n, names| {
        format!(
            "Certificados por {k} de los {n} miembros del comité ({names}). Estos resultados son definitivos."
        )
    },
    not_yet: "Los resultados de este ciclo aún no se han publicado: aparecen aquí cuando el comité certifica el recuento.",
    no_such_cycle: "Ese ciclo no existe.",
    method_greedy: |score| {
        format!(
            "Recuento voraz: los proyectos en orden de sus {score}; cada uno se financia si aún cabe en el dinero que queda y, si no, se salta."
        )
    },
    method_mes: "Recuento por el Método de Partes Iguales: el presupuesto se reparte a partes iguales entre los votantes, y un proyecto se financia cuando sus propios partidarios pueden pagarlo juntos, primero el más barato para ellos. Así cada grupo de votantes recibe una parte justa del presupuesto.",
    method_irv: "Recuento por segunda vuelta instantánea: en cada ronda, cada papeleta cuenta para su opción más alta que sigue en carrera; el proyecto con menos votos queda eliminado y sus papeletas pasan a la siguiente opción, hasta que uno tiene más de la mitad.",
    method_stv: |seats, quota| {
        format!(
            "Recuento por voto único transferible para {seats} puestos: un proyecto con al menos {quota} votos (la cuota) queda elegido y sus votos sobrantes pasan a otros en fracción; si nadie la alcanza, se elimina al que menos tiene."
        )
    },
    funded_heading: "Qué se financió",
    elected_heading: "Quién quedó elegido",
    spent: |spent, budget, left| {
        format!("Se gastaron {spent} del presupuesto de {budget}; sobran {left}.")
    },
    budget_columns: ["Proyecto", "Costo"],
    left_over: "Sobrante",
    nothing_funded: "No se financió ningún proyecto.",
    projects_heading: "Cada proyecto, y por qué",
    project_columns: ["Proyecto", "Costo", "Partidarios", "Resultado", "Por qué"],
    score_names: ["votos", "puntos", "puntuación Borda", "primeras opciones"],
    funded_word: |at| format!("Financiado (n.º {at})"),
    funded_plain: "Financiado",
    not_funded_word: "No financiado",
    eliminated_word: "eliminado",
    elected_word: "Elegido",
    not_elected_word: "No elegido",
    why_greedy_funded: |at, left| {
        format!("Financiado: era el número {at} en la fila y aún cabía; después quedaron {left}.")
    },
    why_greedy_skipped: |left, cost| {
        format!("No financiado: cuando llegó su turno solo quedaban {left} y cuesta {cost}.")
    },
    why_no_support: "No financiado: ninguna papeleta lo apoyó.",
    why_mes_each: |round, n, each| {
        format!(
            "Financiado en la ronda {round} de partes iguales: {n} de sus partidarios pagaron {each} cada uno."
        )
    },
    why_mes_per_point: |round, n, per| {
        format!(
            "Financiado en la ronda {round} de partes iguales: {n} de sus partidarios pagaron {per} por cada punto que le dieron."
        )
    },
    why_mes_all_left: |m, paid| match m {
        1 => format!(" Otro pagó todo lo que le quedaba, {paid}."),
        m => format!(" Otros {m} pagaron todo lo que les quedaba ({paid} entre todos)."),
    },
    why_mes_unaffordable: |n, left, cost| match n {
        1 => format!(
            "No financiado: a su único partidario solo le quedaban {left} para un proyecto de {cost}."
        ),
        n => format!(
            "No financiado: a sus {n} partidarios solo les quedaban {left} entre todos para un proyecto de {cost}."
        ),
    },
    why_completion_funded: |left| {
        format!(
            "Financiado con el dinero que sobró de las partes iguales, repartido por votos: cabía, y después quedaron {left}."
        )
    },
    why_completion_skipped: |left, cost| {
        format!(" Al repartir por votos el dinero sobrante, solo quedaban {left} y cuesta {cost}.")
    },
    why_won: |round, votes, share| {
        format!(
            "Ganó en la ronda {round} con {votes} votos, el {share} de las papeletas que seguían contando."
        )
    },
    why_elected: |round, votes, quota| {
        format!("Elegido en la ronda {round} con {votes} votos (la cuota es {quota}).")
    },
    why_eliminated: |round, votes| {
        format!(
            "Eliminado en la ronda {round} con {votes} votos, los menos; sus papeletas pasaron a su siguiente opción."
        )
    },
    why_still_in: |votes| format!("No elegido: seguía en el recuento al final, con {votes} votos."),
    why_tie: |others| {
        format!(" Estaba empatado con {others}; decidió el desempate fijado antes de votar.")
    },
    rounds_heading: "Ronda por ronda",
    chart_table_note: "Cada gráfico tiene una tabla con los mismos números.",
    greedy_caption: |score| {
        format!(
            "Los proyectos en orden de {score}, financiados o saltados, con el dinero que quedó después de cada uno"
        )
    },
    greedy_columns: ["Lugar", "Proyecto", "Costo", "Resultado", "Queda después"],
    skipped_word: "Saltado",
    mes_start: |n, per| {
        format!("Cada uno de los {n} votantes empezó con {per}, una parte igual del presupuesto.")
    },
    mes_add_one: |per| {
        format!(
            "Las partes iguales dejaron dinero sin gastar, así que se contó de nuevo subiendo la parte de cada votante un centavo cada vez, mientras el resultado cupiera en el presupuesto: el resultado que se guardó da a cada votante {per}."
        )
    },
    mes_caption: "Partes iguales, ronda por ronda: el costo de cada proyecto financiado, pagado por sus partidarios",
    mes_columns: [
        "Ronda",
        "Proyecto",
        "Costo",
        "Pagaron su parte",
        "Pagaron todo lo que tenían",
    ],
    mes_in_full: |n, total| format!("{n} partidarios, {total}"),
    mes_all_left: |m, total| format!("{m} partidarios, {total}"),
    completion_heading: "El dinero sobrante, por votos",
    completion_caption: "El dinero que sobró de las partes iguales, repartido en orden de votos",
    round_heading: |n| format!("Ronda {n}"),
    runoff_columns: ["Proyecto", "Votos", "Porcentaje", "Cambio"],
    exhausted: "Papeletas agotadas (sin opciones restantes)",
    kept: "Retenidos por los elegidos",
    moved_eliminated: |who, went| format!("{who} quedó eliminado; sus papeletas fueron: {went}."),
    moved_elected: |who, votes| format!("{who} quedó elegido con {votes} votos."),
    moved_surplus: |who, went| format!("{who} quedó elegido; sus votos sobrantes fueron: {went}."),
    went_to: |n, to| format!("{n} a {to}"),
    went_exhausted: |n| format!("{n} agotadas"),
    ties_heading: "Empates y la semilla de desempate",
    no_ties: "No hubo que romper ningún empate.",
    and: "y",
    tie: |tied, policy, chosen| format!("{tied} estaban empatados; {policy} eligió {chosen}."),
    policies: [
        "la regla fijada antes de votar (el proyecto más barato, luego el orden sembrado)",
        "la regla fijada antes de votar (los recuentos de rondas anteriores, luego el orden sembrado)",
        "la regla fijada antes de votar (el orden de los identificadores)",
    ],
    seed_help: "El orden sembrado sale de SHA-256 de \"pebble/tiebreak\", la raíz del registro de papeletas sellado y el secreto de cada miembro del comité, comprometido antes de abrir la votación y revelado tras sellar el registro: nadie pudo conocerlo mientras se votaba y ningún miembro pudo elegirlo.",
    seed_labels: ["Raíz del registro sellado", "Revelado por", "Semilla"],
    turnout_heading: "Quién participó",
    ballots: |total, online, paper| {
        format!("{total} papeletas: {online} en línea y {paper} en papel.")
    },
    imported: |n| format!("{n} votos importados del archivo de una elección pasada."),
    turnout_columns: ["Grupo", "Códigos usados", "Porcentaje"],
    used_of: |used, issued| format!("{used} de {issued}"),
    turnout_help: "Códigos de votante entregados y usados por grupo. Nunca dice cómo votó ningún grupo.",
    downloads_heading: "Compruébalo tú",
    downloads: [
        "El registro de la elección (JSON)",
        "Las papeletas (pabulib .pb)",
        "Los resultados (CSV)",
    ],
    verify_help: "Cualquiera puede volver a comprobar este recuento sin fiarse de este servidor. Descarga el registro de la elección y ejecuta:",
    verify_after: "Reconstruye el registro de papeletas a partir de cada papeleta, comprueba las firmas y las certificaciones del comité, vuelve a contar e imprime OK o la primera diferencia. El archivo .pb se puede recontar con pabutools o cualquier herramienta de pabulib.",
    hash_label: "Huella del registro (lo que certificó el comité)",
};
