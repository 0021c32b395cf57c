//! The word lists the annotator reads text with: reporting verbs, titles, pronouns, the
//! heads of unnamed sources, and small gazetteers of organisations and places. Kept as plain
//! sorted arrays: each lookup is a binary search, and the lists are easy to review.

/// Reporting verbs, in the forms news prose uses. "according" stands for "according to".
const CUES: &[&str] = &[
    "acknowledged", "add", "added", "adding", "adds", "admits", "admitted", "advised", "agreed", "agrees",
    "announced", "answered", "answers", "argue", "argued", "argues", "arguing", "asked", "asks", "asserted",
    "asserts", "assured", "boasted", "calling", "cautioned", "charged", "claimed", "claims", "commented",
    "complained", "conceded", "concluded", "confirmed", "contended", "continued", "continues", "countered", "cried",
    "declared", "declares", "demanded", "denied", "described", "emphasised", "emphasized", "exclaimed", "explained",
    "explains", "insisted", "insists", "joked", "lamented", "maintained", "mused", "noted", "notes", "noting",
    "observed", "offered", "part", "pleaded", "pointed", "posted", "predicted", "proclaimed", "promised", "quipped",
    "recalled", "recalls", "reiterated", "remarked", "repeated", "replied", "reported", "responded", "responds",
    "retorted", "said", "say", "saying", "says", "shouted", "snapped", "speculated", "stated", "states", "stressed",
    "stresses", "suggested", "suggests", "telling", "tells", "testified", "thundered", "told", "tweeted",
    "tweeting", "urged", "vowed", "warned", "warns", "wondered", "writes", "writing", "wrote", "yelled",
];

/// Titles and roles that stand before a name ("President", "Sen.") and are not part of it.
const TITLES: &[&str] = &[
    "Adm", "Adm.", "Admiral", "Adviser", "Advisor", "Agent", "Aide", "Amb.", "Ambassador", "Analyst", "Assemblyman",
    "Assemblywoman", "Attorney", "Bishop", "Brig", "Campaign", "Candidate", "Capt", "Capt.", "Captain", "Cardinal",
    "Chair", "Chairman", "Chairwoman", "Chancellor", "Chief", "Col", "Col.", "Colonel", "Commander", "Commissioner",
    "Congressman", "Congresswoman", "Councilman", "Councilwoman", "Defence", "Defense", "Deputy", "Detective",
    "Director", "Dr", "Dr.", "Emperor", "Envoy", "Executive", "Father", "First", "Foreign", "Former", "Gen", "Gen.",
    "General", "Gov", "Gov.", "Governor", "Interior", "Judge", "Justice", "King", "Lady", "Leader", "Lieutenant",
    "Lord", "Lt", "Lt.", "Maj", "Maj.", "Major", "Majority", "Manager", "Mayor", "Minister", "Minority", "Miss",
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Nominee", "Officer", "Pastor", "Pollster", "Pope", "Premier",
    "President", "President-elect", "Presidential", "Press", "Prime", "Prince", "Princess", "Prof.", "Professor",
    "Queen", "Rabbi", "Rep", "Rep.", "Representative", "Rev", "Rev.", "Reverend", "Secretary", "Secretary-General",
    "Sen", "Sen.", "Senator", "Sergeant", "Sgt", "Sgt.", "Sheikh", "Sheriff", "Sir", "Speaker", "Spokesman",
    "Spokeswoman", "State", "Strategist", "Sultan", "Supreme", "Treasury", "Vice", "Whip",
];

/// Adjectives of nationality and party that may stand before a title ("Russian President").
const DEMONYMS: &[&str] = &[
    "Afghan", "African", "Alaskan", "American", "Arab", "Australian", "Austrian", "Belarusian", "Belgian",
    "Brazilian", "British", "Canadian", "Chinese", "Conservative", "Cuban", "Czech", "Danish", "Democrat",
    "Democratic", "Dutch", "Egyptian", "Emirati", "English", "Estonian", "European", "Finnish", "French",
    "Georgian", "German", "Greek", "Hungarian", "Indian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian",
    "Japanese", "Jordanian", "Kazakh", "Korean", "Kremlin", "Labour", "Latvian", "Lebanese", "Liberal", "Libyan",
    "Lithuanian", "Mexican", "Moldovan", "NATO", "Norwegian", "Pakistani", "Palestinian", "Polish", "Portuguese",
    "Qatari", "Republican", "Romanian", "Russian", "Saudi", "Scottish", "Serbian", "Slovak", "Spanish", "Swedish",
    "Swiss", "Syrian", "Turkish", "U.K.", "U.N.", "U.S.", "UK", "UN", "US", "Ukrainian", "Venezuelan", "Welsh",
];

/// Capitalised words that begin sentences or headlines and are not names.
const NOT_NAMES: &[&str] = &[
    "A", "About", "According", "After", "Afterward", "Again", "Against", "Ahead", "All", "Also", "Although",
    "Among", "An", "And", "Another", "Any", "April", "Are", "As", "Asked", "At", "August", "Back", "Because",
    "Before", "Being", "Both", "But", "By", "Can", "Could", "Daily", "December", "Despite", "Did", "During", "Each",
    "Earlier", "Either", "Even", "Every", "February", "Few", "For", "Friday", "From", "Given", "Good", "Great",
    "Had", "Has", "Have", "He", "Her", "Here", "Hers", "Him", "His", "How", "However", "I", "If", "In", "Instead",
    "Is", "It", "Its", "January", "July", "June", "Just", "Last", "Later", "Like", "Many", "March", "May", "Maybe",
    "Meanwhile", "Monday", "More", "Moreover", "Most", "Much", "My", "Neither", "Never", "New", "Next", "No", "Nor",
    "Not", "Nothing", "November", "Now", "October", "Of", "On", "Once", "One", "Only", "Or", "Other", "Our", "Over",
    "Perhaps", "Rather", "Saturday", "September", "She", "Should", "Since", "So", "Some", "Still", "Such", "Sunday",
    "That", "The", "Their", "Them", "Then", "There", "These", "They", "This", "Those", "Though", "Through",
    "Thursday", "Thus", "To", "Today", "Tuesday", "Under", "Unlike", "Until", "Up", "Upon", "We", "Wednesday",
    "Well", "Were", "What", "When", "Where", "Whether", "Which", "While", "Who", "Whose", "Why", "Will", "With",
    "Within", "Without", "Would", "Yes", "Yet", "You", "Your",
];

/// Heads of the phrases that name a source without naming a person.
const UNNAMED_HEADS: &[&str] = &[
    "adviser", "advisers", "advisor", "advisors", "aide", "aides", "analyst", "analysts", "commentators", "critics",
    "diplomat", "diplomats", "experts", "insider", "insiders", "lawmaker", "lawmakers", "observers", "official",
    "officials", "participant", "participants", "people", "person", "representative", "representatives", "source",
    "sources", "spokesman", "spokesperson", "spokeswoman", "staffer", "staffers", "statement", "supporters",
    "witness", "witnesses",
];

/// Organisations a newsroom meets every day, by the name the text uses.
const ORGANISATIONS: &[&str] = &[
    "ABC", "ABC News", "AP", "Al Jazeera", "Associated Press", "BBC", "Breitbart", "CBS", "CBS News", "CIA", "CNN",
    "Congress", "Democratic National Committee", "Democratic Party", "EU", "European Commission",
    "European Council", "European Union", "FBI", "Fox", "Fox Business", "Fox News", "G20", "G7", "GOP", "Gazprom",
    "Hamas", "Hezbollah", "House", "IMF", "Interfax", "Kremlin", "MSNBC", "NATO", "NBC", "NBC News", "NPR",
    "New York Times", "OSCE", "Pentagon", "Politico", "RIA Novosti", "Republican National Committee",
    "Republican Party", "Reuters", "Senate", "State Department", "TASS", "Taliban", "The New York Times",
    "The Washington Post", "U.N.", "UN", "United Nations", "Wall Street Journal", "Washington Post", "White House",
    "World Bank",
];

/// Countries, capitals, large cities and US states. Demonyms are not here: "Russian" is not a place.
const PLACES: &[&str] = &[
    "Afghanistan", "Alabama", "Alaska", "Albania", "Algeria", "Amsterdam", "Anchorage", "Ankara", "Argentina",
    "Arizona", "Arkansas", "Armenia", "Athens", "Australia", "Austria", "Azerbaijan", "Baghdad", "Baku",
    "Baltimore", "Bangladesh", "Beijing", "Belarus", "Belgium", "Belgrade", "Berlin", "Boston", "Brazil", "Britain",
    "Brussels", "Bucharest", "Budapest", "Bulgaria", "Cairo", "California", "Canada", "Chicago", "Chile", "China",
    "Colombia", "Colorado", "Connecticut", "Crimea", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Dallas",
    "Damascus", "Delaware", "Denmark", "Detroit", "Donbas", "Donetsk", "Dubai", "Egypt", "England", "Estonia",
    "Europe", "Finland", "Florida", "France", "Gaza", "Geneva", "Georgia", "Germany", "Greece", "Hawaii",
    "Helsinki", "Houston", "Hungary", "Idaho", "Illinois", "India", "Indiana", "Indonesia", "Iowa", "Iran", "Iraq",
    "Ireland", "Israel", "Istanbul", "Italy", "Japan", "Jerusalem", "Jordan", "Kansas", "Kazakhstan", "Kentucky",
    "Kharkiv", "Kherson", "Kiev", "Kyiv", "Latvia", "Lebanon", "Libya", "Lithuania", "London", "Los Angeles",
    "Louisiana", "Luhansk", "Madrid", "Maine", "Maryland", "Massachusetts", "Mexico", "Miami", "Michigan",
    "Milwaukee", "Minnesota", "Minsk", "Mississippi", "Missouri", "Moldova", "Montana", "Moscow", "Nebraska",
    "Netherlands", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
    "North Dakota", "North Korea", "Norway", "Odesa", "Ohio", "Oklahoma", "Oregon", "Pakistan", "Paris",
    "Pennsylvania", "Philadelphia", "Poland", "Portugal", "Qatar", "Riyadh", "Romania", "Rome", "Russia",
    "Saudi Arabia", "Serbia", "Slovakia", "South Carolina", "South Dakota", "South Korea", "Spain",
    "St. Petersburg", "Stockholm", "Sweden", "Switzerland", "Syria", "Taiwan", "Tehran", "Tel Aviv", "Tennessee",
    "Texas", "Tokyo", "Turkey", "Ukraine", "United Kingdom", "United States", "Utah", "Vermont", "Vienna",
    "Virginia", "Warsaw", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Zaporizhzhia",
];

/// Words that make a capitalised run an organisation ("Justice Department", "Labour Party").
const ORGANISATION_WORDS: &[&str] = &[
    "Administration", "Agency", "Airlines", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank",
    "Board", "Bureau", "Campaign", "Caucus", "Center", "Centre", "Channel", "Club", "Coalition", "College",
    "Command", "Commission", "Committee", "Company", "Corp", "Corp.", "Corporation", "Council", "Court",
    "Department", "Federation", "Foundation", "Front", "Fund", "Group", "Guard", "Inc", "Inc.", "Initiative",
    "Institute", "Journal", "League", "Magazine", "Ministry", "Movement", "Network", "News", "Office",
    "Organisation", "Organization", "Parliament", "Party", "Police", "Post", "Press", "Review", "Service",
    "Society", "Times", "Tribune", "Union", "University",
];

/// Words that make a capitalised run a place ("Joint Base Elmendorf-Richardson", "Red Square").
const PLACE_WORDS: &[&str] = &[
    "Airport", "Avenue", "Base", "Bay", "Beach", "City", "County", "Hall", "Island", "Islands", "Lake", "Mountains",
    "Park", "Plaza", "Region", "River", "Road", "Square", "Street", "Valley",
];

/// Men's first names, for "he" (a name on neither list fits either pronoun).
const MALE_NAMES: &[&str] = &[
    "Aaron", "Adam", "Alan", "Alex", "Alexander", "Alexei", "Andrew", "Anthony", "Barack", "Ben", "Benjamin",
    "Bernie", "Bill", "Bob", "Boris", "Brad", "Brian", "Carl", "Charles", "Chris", "Christopher", "Chuck", "Dan",
    "Daniel", "David", "Dennis", "Dmitry", "Don", "Donald", "Doug", "Ed", "Edward", "Emmanuel", "Eric", "Frank",
    "Friedrich", "Gary", "George", "Greg", "Harry", "Henry", "Ian", "Jack", "Jake", "James", "Jared", "Jason",
    "Jeb", "Jeff", "Jeffrey", "Jerry", "Jim", "Joe", "John", "Jon", "Jonathan", "Joseph", "Josh", "Keir", "Ken",
    "Kevin", "Kirill", "Larry", "Lindsey", "Marco", "Mark", "Martin", "Matt", "Matthew", "Michael", "Mike", "Mitch",
    "Newt", "Nick", "Olaf", "Patrick", "Paul", "Peter", "Phil", "Rand", "Richard", "Rick", "Rob", "Robert", "Roger",
    "Ron", "Rudy", "Rupert", "Ryan", "Sam", "Scott", "Sean", "Sergei", "Sergey", "Stephen", "Steve", "Steven",
    "Ted", "Terry", "Thomas", "Tim", "Todd", "Tom", "Tony", "Vladimir", "Volodymyr", "Walter", "William", "Yuri",
];

/// First names that tell "she" from "he" when no profile says.
const FEMALE_NAMES: &[&str] = &[
    "Alexandria", "Amy", "Angela", "Ann", "Anna", "Anne", "Barbara", "Betsy", "Carly", "Catherine", "Chelsea",
    "Dana", "Debbie", "Diane", "Elena", "Elise", "Elizabeth", "Ellen", "Emma", "Giorgia", "Hillary", "Hope",
    "Ivanka", "Jane", "Janet", "Jennifer", "Jill", "Joni", "Julia", "Kaja", "Kamala", "Karine", "Kate", "Katie",
    "Kayleigh", "Kelly", "Kellyanne", "Kristi", "Laura", "Linda", "Lisa", "Liz", "Lyudmila", "Maria", "Marine",
    "Mary", "Megyn", "Melania", "Michelle", "Nancy", "Nikki", "Olena", "Olga", "Rachel", "Sarah", "Susan", "Susie",
    "Tulsi", "Ursula", "Valentina", "Yulia",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

pub fn is_cue(word_lower: &str) -> bool {
    contains(CUES, word_lower)
}
pub fn is_title(word: &str) -> bool {
    contains(TITLES, word)
}
pub fn is_demonym(word: &str) -> bool {
    contains(DEMONYMS, word)
}
pub fn is_not_name(word: &str) -> bool {
    contains(NOT_NAMES, word)
}
pub fn is_unnamed_head(word_lower: &str) -> bool {
    contains(UNNAMED_HEADS, word_lower)
}
pub fn is_female_name(word: &str) -> bool {
    contains(FEMALE_NAMES, word)
}
pub fn is_male_name(word: &str) -> bool {
    contains(MALE_NAMES, word)
}
pub fn is_organisation_word(word: &str) -> bool {
    contains(ORGANISATION_WORDS, word)
}
pub fn is_place_word(word: &str) -> bool {
    contains(PLACE_WORDS, word)
}
pub fn organisations() -> &'static [&'static str] {
    ORGANISATIONS
}
pub fn places() -> &'static [&'static str] {
    PLACES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for (name, list) in [
            ("CUES", CUES),
            ("TITLES", TITLES),
            ("DEMONYMS", DEMONYMS),
            ("NOT_NAMES", NOT_NAMES),
            ("UNNAMED_HEADS", UNNAMED_HEADS),
            ("ORGANISATION_WORDS", ORGANISATION_WORDS),
            ("PLACE_WORDS", PLACE_WORDS),
            ("FEMALE_NAMES", FEMALE_NAMES),
            ("MALE_NAMES", MALE_NAMES),
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list, "{name} is not sorted");
        }
    }
}
