//! Last year's demo cycle: what students proposed, and how the school's
//! roster groups leaned, for the simulated ballots.

use super::data::{CycleText, Idea};
use pebble_domain::Status;

pub(super) const CYCLE: CycleText = CycleText {
    slug: "riverside-2026",
    name: "Riverside Student Budget 2026",
    school: "Riverside High School",
    description: "Riverside High School's first student budget: 8,000.00 for projects students \
        proposed and the school community chose. Voting is over and the committee certified \
        the count.",
    currency: "USD",
    budget_cents: 800_000,
};

/// One roster group: its codes, how many of them voted, and how much it
/// liked each proposal (in [`PROPOSALS`] order).
pub(super) struct Group {
    pub name: &'static str,
    pub issued: u32,
    pub voting: u32,
    pub liking: &'static [u8],
}

/// The paper ballots of the families' evening.
pub(super) struct Paper {
    pub count: u32,
    pub liking: &'static [u8],
}

pub(super) const GROUPS: &[Group] = &[
    Group {
        name: "Grade 9",
        issued: 78,
        voting: 70,
        liking: &[72, 40, 28, 45, 58, 30, 48, 78],
    },
    Group {
        name: "Grade 10",
        issued: 72,
        voting: 62,
        liking: &[66, 35, 62, 44, 50, 25, 52, 60],
    },
    Group {
        name: "Grade 11",
        issued: 68,
        voting: 55,
        liking: &[55, 46, 74, 66, 44, 35, 38, 42],
    },
    Group {
        name: "Grade 12",
        issued: 60,
        voting: 45,
        liking: &[48, 58, 50, 82, 40, 30, 34, 36],
    },
    Group {
        name: "Families",
        issued: 70,
        voting: 32,
        liking: &[60, 62, 18, 70, 76, 58, 44, 20],
    },
];

pub(super) const PAPER: Paper = Paper {
    count: 36,
    liking: &[58, 60, 22, 66, 78, 62, 50, 30],
};

pub(super) const PROPOSALS: &[Idea] = &[
    Idea {
        author: "maya.r",
        title: "Shade sails over the lunch tables",
        summary: "Two shade sails so the outdoor lunch tables are usable in May and June.",
        description: "The lunch tables bake in the sun from April on. Two commercial shade sails \
            with posts and installation were quoted at 3,200.",
        category: "Spaces",
        cost_cents: 320_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "devon.t",
        title: "Bike racks by the main entrance",
        summary: "Racks for 30 bikes where the buses stop, with a roof.",
        description: "Bikes are locked to the fence now. Covered racks for 30 bikes cost 1,200.",
        category: "Spaces",
        cost_cents: 120_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "priya.s",
        title: "Recording booth for the music room",
        summary: "A sound-treated corner with a microphone so students can record songs and podcasts.",
        description: "Acoustic panels, a microphone, an interface and headphones: 2,900.",
        category: "Arts",
        cost_cents: 290_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "sam.k",
        title: "Laptops for the study room",
        summary: "Six laptops students can borrow in the study room for homework and printing.",
        description: "Not everyone has a computer at home. Six laptops with a charging cart: 3,600.",
        category: "Library",
        cost_cents: 360_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "lucia.m",
        title: "Hydration station in the gym",
        summary: "A filtered bottle-filler in the gym, where there is no water at all.",
        description: "Teams bring water from the cafeteria. A filtered station with installation: 1,800.",
        category: "Health",
        cost_cents: 180_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "maya.r",
        title: "Tool shed for the school garden",
        summary: "A lockable shed so the garden club's tools stop going missing.",
        description: "A small cedar shed with shelves: 900.",
        category: "Environment",
        cost_cents: 90_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "lucia.m",
        title: "Equipment for the girls' soccer team",
        summary: "Balls, goalkeeper gloves, cones and a first-aid kit for the new team.",
        description: "The team started this year with borrowed equipment. A season's kit: 1,500.",
        category: "Sports",
        cost_cents: 150_000,
        status: Status::Feasible,
        thread: &[],
    },
    Idea {
        author: "devon.t",
        title: "Outdoor table tennis table",
        summary: "A concrete table tennis table in the courtyard, for breaks.",
        description: "Weatherproof, no maintenance, paddles kept at the office: 2,100 installed.",
        category: "Sports",
        cost_cents: 210_000,
        status: Status::Feasible,
        thread: &[],
    },
];
