//! The demo cycle's content.

use pebble_domain::{Role, Status};

pub(super) struct Person {
    pub username: &'static str,
    pub display_name: &'static str,
    pub role: Role,
}

pub(super) struct CycleText {
    pub slug: &'static str,
    pub name: &'static str,
    pub school: &'static str,
    pub description: &'static str,
    pub currency: &'static str,
    pub budget_cents: i64,
}

pub(super) struct Remark {
    pub author: &'static str,
    /// A reply to the remark before it in the same thread.
    pub is_reply: bool,
    pub body: &'static str,
    /// The committee's public reason, if it hid this remark.
    pub hidden: Option<&'static str>,
}

pub(super) struct Idea {
    pub author: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub category: &'static str,
    pub cost_cents: i64,
    pub status: Status,
    pub thread: &'static [Remark],
}

pub(super) const PEOPLE: &[Person] = &[
    Person {
        username: "admin",
        display_name: "Ms. Alvarez (admin)",
        role: Role::Admin,
    },
    Person {
        username: "okafor",
        display_name: "Mr. Okafor",
        role: Role::Committee,
    },
    Person {
        username: "lindqvist",
        display_name: "Ms. Lindqvist",
        role: Role::Committee,
    },
    Person {
        username: "maya.r",
        display_name: "Maya R.",
        role: Role::Student,
    },
    Person {
        username: "devon.t",
        display_name: "Devon T.",
        role: Role::Student,
    },
    Person {
        username: "priya.s",
        display_name: "Priya S.",
        role: Role::Student,
    },
    Person {
        username: "sam.k",
        display_name: "Sam K.",
        role: Role::Student,
    },
    Person {
        username: "lucia.m",
        display_name: "Lucía M.",
        role: Role::Student,
    },
    Person {
        username: "parent.chen",
        display_name: "Wei Chen (parent)",
        role: Role::Family,
    },
];

pub(super) const CYCLE: CycleText = CycleText {
    slug: "riverside-2027",
    name: "Riverside Student Budget 2027",
    school: "Riverside High School",
    description: "Riverside High School sets aside 10,000.00 of next year's budget for projects \
        that students propose and the whole school community chooses. Read the ideas, join \
        the discussion, and vote in the spring.",
    currency: "USD",
    budget_cents: 1_000_000,
};

/// Approval ballots within the budget, at most five projects; counted by
/// equal shares completed by add1 then greedy (`counting`'s serde form).
pub(super) const APPROVAL: (&str, &str) = (
    r#"{"kind":"approval","max_cost":null,"min_projects":0,"max_projects":5,"min_budget_percent":0}"#,
    r#"{"rule":"mes","completion":"add1-greedy"}"#,
);
/// Up to three projects ranked; counted by Borda scores, greedily.
pub(super) const RANKED: (&str, &str) =
    (r#"{"kind":"ranked","max_ranks":3}"#, r#"{"rule":"greedy"}"#);
/// All 100 points shared out; counted by equal shares.
pub(super) const ALLOCATION: (&str, &str) = (
    r#"{"kind":"allocation","points":100,"must_use_all":true}"#,
    r#"{"rule":"mes","completion":"add1-greedy"}"#,
);

pub(super) const PROPOSALS: &[Idea] = &[
    Idea {
        author: "maya.r",
        title: "Water bottle refill stations",
        summary: "Replace two old drinking fountains with filtered bottle-fillers so nobody has to buy bottled water.",
        description: "The fountains by the gym and the science wing are slow and the water tastes like metal. \
            A filtered refill station costs about 1,400 each installed. Fewer plastic bottles in the bins too.",
        category: "Environment",
        cost_cents: 280_000,
        status: Status::Feasible,
        thread: &[
            Remark {
                author: "devon.t",
                is_reply: false,
                body: "Yes please. The one by the gym has been broken since October.",
                hidden: None,
            },
            Remark {
                author: "okafor",
                is_reply: true,
                body: "Facilities confirmed both locations have a water line, so installation is straightforward.",
                hidden: None,
            },
        ],
    },
    Idea {
        author: "devon.t",
        title: "Outdoor seating in the courtyard",
        summary: "Four weatherproof picnic tables so we can eat and study outside when it is nice.",
        description: "Right now there are two benches for 900 students. Four recycled-plastic picnic tables \
            (about 650 each plus delivery) would last for years and need no painting.",
        category: "Spaces",
        cost_cents: 290_000,
        status: Status::Feasible,
        thread: &[
            Remark {
                author: "parent.chen",
                is_reply: false,
                body: "Could one of them be wheelchair accessible? Some models have an open end.",
                hidden: None,
            },
            Remark {
                author: "sam.k",
                is_reply: false,
                body: "Tables are for losers, just sit on the grass lol. Whoever proposed this is an idiot.",
                hidden: Some("Personal insult. Disagree with the idea, not the person."),
            },
        ],
    },
    Idea {
        author: "priya.s",
        title: "Library graphic novel collection",
        summary: "Start a graphic novel and manga section in the library, chosen by a student panel.",
        description: "Circulation data from other schools shows graphic novels get borrowed far more than \
            most of the collection. 1,500 buys around 100 books plus shelving labels.",
        category: "Library",
        cost_cents: 150_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "sam.k",
        title: "Robotics club starter kits",
        summary: "Three programmable robot kits so the robotics club can enter the regional league.",
        description: "We have twelve members and one borrowed kit. Three competition kits cost 2,200 in total \
            and can be reused every season.",
        category: "Clubs",
        cost_cents: 220_000,
        status: Status::Feasible,
        thread: &[
            Remark {
                author: "maya.r",
                is_reply: false,
                body: "Would other classes be able to use them, or only the club?",
                hidden: None,
            },
            Remark {
                author: "sam.k",
                is_reply: true,
                body: "Ms. Lindqvist said the physics classes could borrow them for the motion unit.",
                hidden: None,
            },
        ],
    },
    Idea {
        author: "lucia.m",
        title: "Free period products in every restroom",
        summary: "Dispensers and a year of supplies in all student restrooms, not only at the nurse's office.",
        description: "Asking at the nurse's office means missing class. Wall dispensers are about 120 each; \
            ten dispensers plus a year of supplies comes to 1,800.",
        category: "Health",
        cost_cents: 180_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "maya.r",
        title: "Courtyard vegetable garden",
        summary: "Raised beds, soil and tools for a garden the environmental club looks after.",
        description: "Six raised cedar beds, soil, a tool shed and seeds. The cafeteria said it would use \
            herbs we grow. Estimated 2,400 with the shed.",
        category: "Environment",
        cost_cents: 240_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "devon.t",
        title: "Phone charging lockers",
        summary: "A locker bank where students can charge phones safely during the day.",
        description: "A 16-bay charging locker costs about 3,100. Useful for students who commute far.",
        category: "Spaces",
        cost_cents: 310_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "priya.s",
        title: "Heated swimming pool cover",
        summary: "A motorised thermal cover for the pool to cut heating costs.",
        description: "The pool loses a lot of heat overnight. A motorised cover is expensive but would save money.",
        category: "Sports",
        cost_cents: 1_450_000,
        status: Status::NotFeasible,
        thread: &[Remark {
            author: "lindqvist",
            is_reply: false,
            body: "The district quote came back at 14,500, above the whole budget, so the committee marked this not feasible. The facilities office will look at it separately.",
            hidden: None,
        }],
    },
    Idea {
        author: "lucia.m",
        title: "New drinking fountains",
        summary: "Fix or replace the drinking fountains near the gym.",
        description: "The gym fountain is broken. We need working water near the gym.",
        category: "Environment",
        cost_cents: 150_000,
        status: Status::Merged,
        thread: &[],
    },
    Idea {
        author: "sam.k",
        title: "Free pizza every Friday",
        summary: "Pizza for everyone, every week.",
        description: "Pizza.",
        category: "Food",
        cost_cents: 5_000_000,
        status: Status::Hidden,
        thread: &[],
    },
];
