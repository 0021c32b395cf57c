//! Table-driven tests: one row per pattern the annotator must read, and rows for what it
//! must not take for a quote. A new bug gets a new row first.

use super::*;

fn registry() -> Registry {
    let person = |id: &str, name: &str, aliases: &[&str], role: &str| RegistryPerson {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        role: Some(role.into()),
        affiliation: None,
    };
    Registry::new(
        vec![
            person("vladimir-putin", "Vladimir Putin", &["Putin"], "President of Russia"),
            person("donald-trump", "Donald Trump", &["Trump"], "President of the United States"),
            person("friedrich-merz", "Friedrich Merz", &["Merz"], "Chancellor of Germany"),
        ],
        vec![RegistryEvent {
            id: "anchorage-summit".into(),
            name: "Anchorage summit".into(),
            aliases: vec!["Alaska summit".into()],
        }],
    )
}

/// (quote text, speaker name or unnamed description, fragment) for each quote found.
fn read(text: &str, format: TextFormat) -> Vec<(String, Option<String>, bool)> {
    let annotations = annotate(text, format, &registry(), &Overrides::default());
    annotations
        .quotes
        .iter()
        .map(|q| {
            let speaker = match &q.speaker {
                Some(Speaker::Entity { entity }) => Some(annotations.entities[*entity].name.clone()),
                Some(Speaker::Unnamed { description }) => Some(format!("unnamed: {description}")),
                Some(Speaker::They) => Some("they".to_string()),
                None => None,
            };
            (q.text.clone(), speaker, q.fragment)
        })
        .collect()
}

/// (name, text, expected (quote, speaker) pairs).
type Row = (&'static str, &'static str, &'static [(&'static str, Option<&'static str>)]);

#[test]
fn quotes_and_their_speakers() {
    #[rustfmt::skip]
    let rows: &[Row] = &[
        ("name after, curly", "“We are ready,” Putin said.", &[("We are ready,", Some("Vladimir Putin"))]),
        ("verb before name", "“We are ready,” said Putin.", &[("We are ready,", Some("Vladimir Putin"))]),
        ("party and state after the name", "“We will not stand for this,” Sen. Chuck Schumer (D-N.Y.) said Tuesday.", &[("We will not stand for this,", Some("Chuck Schumer"))]),
        ("description joined by of", "“It has no bearing,” said master of ceremonies Asab Al-Tabchi, a Syrian engineer.", &[("It has no bearing,", Some("Asab Al-Tabchi"))]),
        ("an appositive left open before the verb", "“We will win this state,” Jeff Weaver, the campaign manager said.", &[("We will win this state,", Some("Jeff Weaver"))]),
        ("the medium a participle writes in is not its subject", "Hillary Clinton responded to the question on Facebook writing, “Yes, I will. That was a poor choice of words.”", &[("Yes, I will. That was a poor choice of words.", Some("Hillary Clinton"))]),
        ("a group of a person's is not the person", "“He is the only one who can win,” supporters of Bernie Sanders argue.", &[("He is the only one who can win,", Some("unnamed: supporters of Bernie Sanders"))]),
        ("a name closing an opening phrase is not the subject", "In an interview with Joe Scarborough and Mika Brzezinski, the candidate stated that the remarks were “mean-spirited and divisive.”", &[("mean-spirited and divisive.", Some("unnamed: the candidate"))]),
        ("byline after a dash", "“We want to be heard.” ― Jorge Falcon\n“Nobody listens to us.” ― Pamela Padilla", &[("We want to be heard.", Some("Jorge Falcon")), ("Nobody listens to us.", Some("Pamela Padilla"))]),
        ("a body that opens the sentence speaks, past a clause set off by commas", "Correct the Record, which was founded by former Hillary Clinton aide David Brock, accused the campaign of a “shameful smear” on Sunday.", &[("shameful smear", Some("Correct the Record"))]),
        ("one of a people, with the article", "“Those are very skilled governors,” the Texan said.", &[("Those are very skilled governors,", Some("unnamed: the Texan"))]),
        ("a title's word that is the surname of someone named before", "Billie Jean King won 12 titles. King says Ali “talked the talk and walked the walk.”", &[("talked the talk and walked the walk.", Some("Billie Jean King"))]),
        ("a clause of its own between two quotes of a sentence", "Bernie Sanders and Hillary Clinton met. He could muster little more than “ooooh, whoooa” when Clinton accused him of an “artful smear” over her fundraising.", &[("ooooh, whoooa", Some("Bernie Sanders")), ("artful smear", Some("Hillary Clinton"))]),
        ("a person's many are not the person", "Bernie Sanders spoke. At the rally, Sanders protesters interrupted her speech, shouting “she wins, we lose!”", &[("she wins, we lose!", Some("unnamed: Sanders protesters"))]),
        ("a reporter's sign-off after a quote its sentence attributes", "Mariano Rajoy spoke. Rajoy said Monday that he will \"try to form a stable government\" and insisted that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.", &[("try to form a stable government", Some("Mariano Rajoy")), ("still the No. 1 force in Spain.", Some("Mariano Rajoy"))]),
        ("\"he said\" under a sentence that brings someone in with their role", "Barack Obama had artists writing songs about him, which is something that concerns Henry Crespo, president of the Florida Democratic Black Caucus.\n\n“No one is writing songs for Hillary,” he said.", &[("No one is writing songs for Hillary,", Some("Henry Crespo"))]),
        ("but not a name in a list of roles", "Trump thanked his campaign manager, Corey Lewandowski, and his spokeswoman, Hope Hicks.\n\n“We won,” he said.", &[("We won,", Some("Donald Trump"))]),
        ("the same where a pronoun stands for the clause's person", "Chris Christie called Hillary Clinton a “disgrace” after she attacked officers and blamed police shootings on “implicit bias” against minorities.", &[("disgrace", Some("Chris Christie")), ("implicit bias", Some("Hillary Clinton"))]),
        ("the party's nominee is the one the article names with that party again and again", "Republican nominee Donald Trump spoke to veterans, and Hillary Clinton answered. Clinton said little. Clinton left. Trump said the military was “depleted.” Trump went on. Republican Gov. Mike Pence agreed.\n\nThe Republican nominee also linked cyber attacks to the server of Clinton.\n\nHe said that her “only experience in cybersecurity” was the server.", &[("depleted.", Some("Donald Trump")), ("only experience in cybersecurity", Some("Donald Trump"))]),
        ("but not the running mate", "Republican nominee Donald Trump spoke. Trump said so. Trump went on. Mike Pence, the Republican vice-presidential nominee, spoke too.\n\nThe Republican vice-presidential nominee said: “We will win.”", &[("We will win.", Some("unnamed: The Republican vice-presidential nominee"))]),
        ("\"she\" after the writer's relative of her sex", "Barack Obama spoke of it in the spring.\n\nMy mother has softened with age, but even now at 86 she still says things such as, “We're not all meant to be equal, you know.”", &[("We're not all meant to be equal, you know.", Some("unnamed: My mother"))]),
        ("a participle after a phrase that goes on past an earlier quote", "Bernie Sanders spoke. Sanders said the race was “far from over” to discuss his remarks about his rival, Hillary Clinton, saying “on her worst day” she would win.", &[("far from over", Some("Bernie Sanders")), ("on her worst day", Some("Bernie Sanders"))]),
        ("a participle after those the message went to", "Bernie Sanders lost. The Vermont senator emailed supporters saying: “The struggle continues” and vowed to compete.", &[("The struggle continues", Some("unnamed: The Vermont senator"))]),
        ("a clause of its own after the verb, whose person does what the quote names", "Some Democrats said they feared a speech like Pat Buchanan's at the 1992 convention, when Mr. Buchanan, who had failed to win the nomination, called for a ''cultural war'' against liberals.", &[("cultural war", Some("Pat Buchanan"))]),
        ("but not inside what the verb reports", "Hillary Clinton and Elizabeth Warren spoke. Mrs. Clinton said that when Ms. Warren railed against Wall Street, ''she is speaking for all of us.''", &[("she is speaking for all of us.", Some("Hillary Clinton"))]),
        ("a body that opens the sentence speaks, past a word before its verb", "The Democratic Senatorial Campaign Committee has rolled out a campaign dubbing Republican candidates “Retrumplicans.”", &[("Retrumplicans.", Some("Democratic Senatorial Campaign Committee"))]),
        ("byline after two hyphens", "“The vote is close.” --Kim Hjelmgaard.", &[("The vote is close.", Some("Kim Hjelmgaard"))]),
        ("two offices joined by and", "“We must act now,” said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell.", &[("We must act now,", Some("Ed Rendell"))]),
        ("straight marks", "\"We are ready,\" Trump told reporters.", &[("We are ready,", Some("Donald Trump"))]),
        ("present tense", "“It is going well,” Trump says.", &[("It is going well,", Some("Donald Trump"))]),
        ("title and name", "Russian President Vladimir Putin said: “We agree with that.”", &[("We agree with that.", Some("Vladimir Putin"))]),
        ("colon introduction", "Trump told Fox News: “I would not be thrilled.”", &[("I would not be thrilled.", Some("Donald Trump"))]),
        ("split quote", "“We met,” Putin said, “and we talked.”", &[("We met,", Some("Vladimir Putin")), ("and we talked.", Some("Vladimir Putin"))]),
        ("according to", "“The talks went on for hours,” according to Trump.", &[("The talks went on for hours,", Some("Donald Trump"))]),
        ("surname resolves to registry", "Putin arrived late. “Next time in Moscow,” Putin said.", &[("Next time in Moscow,", Some("Vladimir Putin"))]),
        ("pronoun, previous sentence", "Putin thanked Trump for his welcome. “The key thing is results,” he said.", &[("The key thing is results,", Some("Vladimir Putin"))]),
        ("pronoun chain", "Trump landed first.\n\nHe waited on the tarmac. “It was a good day,” he said.", &[("It was a good day,", Some("Donald Trump"))]),
        ("she skips men", "Karen Smith met Trump. “It went fine,” she said.", &[("It went fine,", Some("Karen Smith"))]),
        ("person outside the registry", "“The atmosphere was positive,” said Ambassador Alexander Darchiev.", &[("The atmosphere was positive,", Some("Alexander Darchiev"))]),
        ("appositive", "“We are not there yet,” Jeff Weaver, the campaign manager, said.", &[("We are not there yet,", Some("Jeff Weaver"))]),
        ("appositive after a question", "Eva Miller takes the phone. “How are you today?” Miller, a retired worker from a nuclear plant, said pleasantly.", &[("How are you today?", Some("Eva Miller"))]),
        ("name and appositive after a full stop open a new sentence", "Putin called the delay “regrettable.” Jeff Weaver, a campaign manager, warned that the summit would fail.", &[("regrettable.", Some("Vladimir Putin"))]),
        ("quotes strung before the verb", "Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean proclaimed.", &[("the ultimate public health crisis", Some("Howard Dean")), ("stunt children’s growth,", Some("Howard Dean"))]),
        ("a person of an organisation", "Of course, as Joel Pollak of Breitbart California observed, the stage itself won:\n\n“The clear winner of the debate was the network.”", &[("The clear winner of the debate was the network.", Some("Joel Pollak"))]),
        ("a person of an organisation whose name is cut short", "“Building a staged weapon would be a stretch,” Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote.", &[("Building a staged weapon would be a stretch,", Some("Jeffrey Lewis"))]),
        ("a person of a place, with an age and an appositive", "“Both of them scare me,” Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in an interview.", &[("Both of them scare me,", Some("Harry Bond"))]),
        ("a reporting verb set off by commas before the quote", "The paradox of Nancy Reagan, says Carl Anthony, historian at the National First Ladies Library, is that she was “one of the most powerful first ladies.”", &[("one of the most powerful first ladies.", Some("Carl Anthony"))]),
        ("a person's lawyers are not the person", "Ted Cruz was born in Canada. Cruz’s lawyers relied on precedent to argue that he is “natural born” under the law.", &[("natural born", Some("unnamed: Cruz’s lawyers"))]),
        ("the person's campaign", "Last week, the Trump campaign called for an “expedited review” of the water system.", &[("expedited review", Some("unnamed: the Trump campaign"))]),
        ("the person named after a role of someone's campaign", "Hillary Clinton’s campaign manager Robby Mook said that Trump “lashed out at our generals” again.", &[("lashed out at our generals", Some("Robby Mook"))]),
        ("a verb after the quote that introduces another", "After Antonin Scalia said that some students might do better at “less advanced schools,” Trump said: “I don't like what he said.”", &[("less advanced schools,", Some("Antonin Scalia")), ("I don't like what he said.", Some("Donald Trump"))]),
        ("a verb after the quote with its own clause", "But even as Trump claimed that “General Petraeus got in trouble for far less,” one of the prosecutors for David Petraeus said the two cases were different.", &[("General Petraeus got in trouble for far less,", Some("Donald Trump"))]),
        ("someone of a person's before the verb", "Libertarian presidential candidate Gary Johnson’s doctor is calling the candidate “extremely physically fit.”", &[("extremely physically fit.", Some("unnamed: Gary Johnson’s doctor"))]),
        ("a person's campaign is no antecedent", "“It is full panic mode,” said Leslie Wimes, a Democratic organiser.\n\nWines believes that the Hillary Clinton campaign took black voters for granted.\n\n“They have a big problem now,” she said.", &[("It is full panic mode,", Some("Leslie Wimes")), ("They have a big problem now,", Some("Leslie Wimes"))]),
        ("a description that opens with a number", "“They are 100 percent wrong,” said 9/11 widow Terry Strada.", &[("They are 100 percent wrong,", Some("Terry Strada"))]),
        ("a document speaks, unnamed", "The main requirement is a “lawful source of investment income,” as a Homeland Security memo put it.", &[("lawful source of investment income,", Some("unnamed: a Homeland Security memo"))]),
        ("an appositive with a list inside", "The plans “are steps in the right direction,” Anne Richards, assistant secretary of state for population, refugees, and migration, said on the call.", &[("are steps in the right direction,", Some("Anne Richards"))]),
        ("a name made a person by an appositive with whose", "Dane Waters, whose Delegates Unbound group has been at the forefront, predicted that delegates would “take this fight to the floor.”", &[("take this fight to the floor.", Some("Dane Waters"))]),
        ("an organisation spoken to is not the subject", "Another intelligence source speaking to Fox News said, “The agents are investigating the possible intersection of the cases.”", &[("The agents are investigating the possible intersection of the cases.", Some("unnamed: Another intelligence source"))]),
        ("a verb after the quote with an object of its own", "The leaders met for three hours. While both sides described the talks as “positive and constructive,” they offered no ceasefire.", &[("positive and constructive,", Some("unnamed: both sides"))]),
        ("quotes listed with and share the first one's verb", "Trump said the migrants were “criminals” and “rapists”, actress America Ferrera wrote in a blog.", &[("criminals", Some("Donald Trump")), ("rapists", Some("Donald Trump"))]),
        ("a relative clause after an appositive", "Mitch McConnell spoke first.\n\nObama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 said the goal was to make Obama a “one-term president.”", &[("one-term president.", Some("Mitch McConnell"))]),
        ("a relative clause of someone brought in by and", "Donald Trump and Bernie Sanders spoke.\n\nContrast that with Trump, who has called the pact a “complete insanity,” and Sanders, who says it is “a disaster for workers.”", &[("complete insanity,", Some("Donald Trump")), ("a disaster for workers.", Some("Bernie Sanders"))]),
        ("kin, unnamed", "“We live in Satan's kingdom,” my father often said.", &[("We live in Satan's kingdom,", Some("unnamed: my father"))]),
        ("a description, then the name as the appositive", "“We need him because life is very hard,” his wife, Gabriela Violeta Lazar, said.", &[("We need him because life is very hard,", Some("Gabriela Violeta Lazar"))]),
        ("the one asked answers", "Bernie Sanders and Scott Conroy met.\n\nLast month Scott Conroy asked Sanders whether his age was fair game.\n\n“Sure it is. I would not have run otherwise,” he said.", &[("Sure it is. I would not have run otherwise,", Some("Bernie Sanders"))]),
        ("signed on the line below", "Putin spoke first.\n\n“Boeing and GE and other multinationals pay zero taxes.”\n\n- Bernie Sanders.\n\n“I went to Wall Street before the crash.”\n\n- Hillary Clinton.", &[("Boeing and GE and other multinationals pay zero taxes.", Some("Bernie Sanders")), ("I went to Wall Street before the crash.", Some("Hillary Clinton"))]),
        ("an agency's credit line below a sentence signs nothing", "Trump pointed to a man at a rally and called him “my African American friend here.”\n\n- Reuters.", &[("my African American friend here.", Some("Donald Trump"))]),
        ("role, then the name after a comma", "“We found no ties of any consequence,” said the bureau's director, James B. Comey, on Monday.", &[("We found no ties of any consequence,", Some("James B. Comey"))]),
        ("organisation speaks", "“No agreement was signed,” the Kremlin said in a statement.", &[("No agreement was signed,", Some("Kremlin"))]),
        ("unnamed source", "“Nothing is settled yet,” a senior European official said.", &[("Nothing is settled yet,", Some("unnamed: a senior European official"))]),
        ("they: the group that opens a sentence before", "Officials met on Monday in Kyiv.\n\n“We were not consulted at all,” they said.", &[("We were not consulted at all,", Some("unnamed: Officials"))]),
        ("they: an organisation", "The Kremlin issued a statement. “No agreement was signed,” they said.", &[("No agreement was signed,", Some("Kremlin"))]),
        ("they with no group before stays unnamed", "Trump met his aides. “We will win this,” they said.", &[("We will win this,", Some("they"))]),
        ("unnamed plural", "“We were not consulted at all,” officials said.", &[("We were not consulted at all,", Some("unnamed: officials"))]),
        ("role noun", "Friedrich Merz arrived. “I cannot imagine that without a ceasefire,” the German chancellor said.", &[("I cannot imagine that without a ceasefire,", Some("Friedrich Merz"))]),
        ("next quote in the paragraph", "“First point,” Trump said of the talks. “And a second one as well.”", &[("First point,", Some("Donald Trump")), ("And a second one as well.", Some("Donald Trump"))]),
        ("quote over two paragraphs", "“The first part runs on,” Putin said, “and does not close here.\n\n“The second part closes.”", &[("The first part runs on,", Some("Vladimir Putin")), ("and does not close here.", Some("Vladimir Putin")), ("The second part closes.", Some("Vladimir Putin"))]),
        ("block quote of two paragraphs", "> We will not give our land away.\n>\n> Ukrainians will not gift it to the occupier.\n\n— Volodymyr Zelensky, in a video address", &[("We will not give our land away.", Some("Volodymyr Zelensky")), ("Ukrainians will not gift it to the occupier.", Some("Volodymyr Zelensky"))]),
        ("block quote signed by an unnamed source", "> The talks are over for now.\n\n— a senior European official, in Brussels", &[("The talks are over for now.", Some("unnamed: a senior European official"))]),
        ("block quote introduced with a colon", "Putin told the conference in Moscow:\n\n> The key thing is that both sides want results.", &[("The key thing is that both sides want results.", Some("Vladimir Putin"))]),
        ("block quote introduced by someone's critics", "Here is what Trump's critics wrote:\n\n> The deal gives away far too much.", &[]),
        ("block quote with nobody behind it", "> An old proverb says it all.\n\nThe talks went on.", &[]),
        ("block quote with attribution", "> We will not give our land away.\n\n— Volodymyr Zelensky, in a video address", &[("We will not give our land away.", Some("Volodymyr Zelensky"))]),
        ("description before the name", "“We will win this state,” said Democratic pollster Stan Greenberg.", &[("We will win this state,", Some("Stan Greenberg"))]),
        ("name used as an attribute", "“It is dangerous,” said Clinton campaign manager Robby Mook.", &[("It is dangerous,", Some("Robby Mook"))]),
        ("party in parentheses", "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said the race made her “a much stronger candidate.”", &[("a much stronger candidate.", Some("Claire McCaskill"))]),
        ("affiliation before the title", "“We made some horrendous mistakes,” Maricopa County Recorder Helen Purcell said.", &[("We made some horrendous mistakes,", Some("Helen Purcell"))]),
        ("pronoun, the speaker of the sentence before", "The race between Hillary Clinton and Bernie Sanders needs time to “cool off,” Madeleine Kunin said.\n\n“His normal demeanor is grumpy,” she said.", &[("cool off,", Some("Madeleine Kunin")), ("His normal demeanor is grumpy,", Some("Madeleine Kunin"))]),
        ("a name with an age", "Brianne Stone, 29, of Huntsville, says her concern is the climate. “We aren't going to act in time,” she says.", &[("We aren't going to act in time,", Some("Brianne Stone"))]),
        ("initials and a party before the verb", "“It is time to act,” Senate Minority Leader Harry M. Reid (D-Nev.) said in a statement.", &[("It is time to act,", Some("Harry M. Reid"))]),
        ("speaker far after the quote", "“These groups set the table for voters,” in sharp contrast to earlier years when campaigns did it, says Dante Scala, a political scientist.", &[("These groups set the table for voters,", Some("Dante Scala"))]),
        ("statement introduced by a colon", "Senator Ted Cruz said in a statement on Tuesday night:\n\n“The questions asked tonight show why people do not trust the media.”", &[("The questions asked tonight show why people do not trust the media.", Some("Ted Cruz"))]),
        ("own verb, not the last paragraph's speaker", "“We are ready,” said Putin.\n\n“An awful lot of analysts said no,” remembered Roy Verley, a former spokesman.", &[("We are ready,", Some("Vladimir Putin")), ("An awful lot of analysts said no,", Some("Roy Verley"))]),
        ("participle after a comma", "Hours later, Trump returned the compliment to Sheldon Adelson, telling Reuters: “He is an amazing man.”", &[("He is an amazing man.", Some("Donald Trump"))]),
        ("a name between commas before the verb", "“We need him because life is very hard,” his wife, Gabriela Violeta Lazar, wrote in a letter.", &[("We need him because life is very hard,", Some("Gabriela Violeta Lazar"))]),
        ("pronoun, the subject of a reporting verb before", "John Stover joined Trump at rallies.\n\nTrump electrified the crowds, Stover said.\n\n“He was very articulate,” he said.", &[("He was very articulate,", Some("John Stover"))]),
        ("pronoun, not a preposition's object", "Like Trump, John Rolfe does not want a fight.\n\n“I am 76 and tired of it,” he said.", &[("I am 76 and tired of it,", Some("John Rolfe"))]),
        ("pronoun, the person a role describes", "Trump consultant John Bellamy picked up the thread. “It is a clean break with the past,” he said.", &[("It is a clean break with the past,", Some("John Bellamy"))]),
        ("pronoun, past a verb to its object", "Trump accused John Kasich of lying. “He is weak on trade,” he said.", &[("He is weak on trade,", Some("Donald Trump"))]),
        ("unnamed source after the verb", "“One of my criteria was loyalty,” said one district GOP leader.", &[("One of my criteria was loyalty,", Some("unnamed: one district GOP leader"))]),
        ("party member as a source", "“It is over for him,” a New Hampshire Democrat said.", &[("It is over for him,", Some("unnamed: a New Hampshire Democrat"))]),
        ("a role that names nobody met", "“We have to bomb them,” the Republican presidential candidate told Fox News.", &[("We have to bomb them,", Some("unnamed: the Republican presidential candidate"))]),
        ("a source with a long tail after the verb", "“We have a lot of work to do,” said a longtime adviser to both candidates.", &[("We have a lot of work to do,", Some("unnamed: a longtime adviser"))]),
        ("a name and a colon before the quote", "Putin: “Our goal is peace in the region.” Trump: “The mission is to end the war.”", &[("Our goal is peace in the region.", Some("Vladimir Putin")), ("The mission is to end the war.", Some("Donald Trump"))]),
        ("a sentence that introduces the quote after it", "Sam Lund, the party's spokesman, said in a statement. “There are no paper ballots to recount.”", &[("There are no paper ballots to recount.", Some("Sam Lund"))]),
        ("a long appositive before a far verb", "“This position has always been one you get by marriage,” Melanie Vance, who served as the first lady's chief of staff for years, told CBS News.", &[("This position has always been one you get by marriage,", Some("Melanie Vance"))]),
        ("a far subject after a comma", "Fans yelled “Build a wall,” referring to the candidate's vow to build one, the Washington Post reports.", &[("Build a wall,", Some("Washington Post"))]),
        ("a second verb of the sentence", "Trump thought for a moment and said that in this climate, “it is an advantage not to be a celebrity.”", &[("it is an advantage not to be a celebrity.", Some("Donald Trump"))]),
        ("a role after the verb at the sentence end", "“A man you can bait with a tweet is not a man we can trust,” said the nominee.", &[("A man you can bait with a tweet is not a man we can trust,", Some("unnamed: the nominee"))]),
        ("an affiliation before the title after the verb", "“They hid this email for years,” said Civic Watch President Tom Fenton.", &[("They hid this email for years,", Some("Tom Fenton"))]),
        ("a reporting verb opening the sentence", "It was over. Said Putin, “The thought of an error on our part is painful.”", &[("The thought of an error on our part is painful.", Some("Vladimir Putin"))]),
        ("a fragment takes its own sentence's subject before an earlier quote's speaker", "Trump blamed shootings on “sickos” and left. Former governor Jim Bauer called the orders “quite dangerous.”", &[("sickos", Some("Donald Trump")), ("quite dangerous.", Some("Jim Bauer"))]),
        ("a quote in the same sentence keeps the earlier quote's speaker", "“We met,” Putin said of the talks, “and we talked for hours.”", &[("We met,", Some("Vladimir Putin")), ("and we talked for hours.", Some("Vladimir Putin"))]),
        ("the subject before the quote, not a verb after a conjunction", "Putin said he would make the sand “glow in the dark,” for instance, and Trump vowed to win.", &[("glow in the dark,", Some("Vladimir Putin"))]),
        ("a second verb after the quote shares the subject before it", "Putin argued that “liberals” let terrorism flourish, but suggested Trump went too far.", &[("liberals", Some("Vladimir Putin"))]),
        ("a subject joined by and after the quote", "“We have been warning about this for years,” the senator and presidential candidate said.", &[("We have been warning about this for years,", Some("unnamed: the senator and presidential candidate"))]),
        ("a quote after a sentence that reports its speaker's words", "Mark Cullen also said he supports the health law.\n\n“From an entrepreneur's perspective, it gave people the chance to leave jobs.”", &[("From an entrepreneur's perspective, it gave people the chance to leave jobs.", Some("Mark Cullen"))]),
        ("a name set off by commas after a role", "Kazakhstan's foreign minister, Erlan Omarov, plays down concerns. “Our philosophy is simple,” he said.", &[("Our philosophy is simple,", Some("Erlan Omarov"))]),
        ("she skips a man by his first name", "Sen. Yusuf Ali met Karen Jones on Monday. “It went fine,” she said.", &[("It went fine,", Some("Karen Jones"))]),
        ("a surname that is also a nationality", "Tom German runs a bakery in town.\n\n“It is possible for anybody to change,” German said.", &[("It is possible for anybody to change,", Some("Tom German"))]),
        ("a sentence that opens with a description", "The Republican candidate asserted his plans, saying, “I am trying to save lives and prevent the next attack.”", &[("I am trying to save lives and prevent the next attack.", Some("unnamed: The Republican candidate"))]),
        ("a description that names someone met with that role", "Chancellor Friedrich Merz spoke first. The chancellor then closed by saying, “We will stand together on this.”", &[("We will stand together on this.", Some("Friedrich Merz"))]),
        ("a less common reporting verb", "“Go back to your seat,” Trump barked.", &[("Go back to your seat,", Some("Donald Trump"))]),
        ("pronoun, a source the sentence before describes", "A reporter for the Associated Press called it chaos.\n\n“We saw people hit and debris flying around,” he said.", &[("We saw people hit and debris flying around,", Some("unnamed: A reporter for the Associated Press"))]),
        ("a source described by a common noun", "“They stole the country,” the man shouted.", &[("They stole the country,", Some("unnamed: the man"))]),
        ("a quote over two paragraphs with its verb in the second", "“The first part runs on without a verb.\n\n“The second part closes,” Putin said.", &[("The first part runs on without a verb.", Some("Vladimir Putin")), ("The second part closes,", Some("Vladimir Putin"))]),
        ("a campaign speaks as a body", "Trump spoke on Monday. “We reject this report entirely,” the Trump campaign said.", &[("We reject this report entirely,", Some("unnamed: the Trump campaign"))]),
        ("a participle whose clause began before an earlier quote", "Trump promised to stop using the phrase “very low energy” during his campaign, saying he had made a “poor choice of words” before.", &[("very low energy", Some("Donald Trump")), ("poor choice of words", Some("Donald Trump"))]),
        ("a name before an appositive with a plural possessive", "“We see mischief here,” Tarquin Dolan, Williams' senior media adviser, said.", &[("We see mischief here,", Some("Tarquin Dolan"))]),
        ("the author of a statement, not the statement", "NATO issued a statement saying it would “stand by its allies in the east.”", &[("stand by its allies in the east.", Some("NATO"))]),
        ("a body, a description and a party's word before the name after the verb", "“They are so frustrated,” said Oversight ranking Democrat Elijah Cummings (D-Md.).", &[("They are so frustrated,", Some("Elijah Cummings"))]),
        ("a name with a title of its own after a possessive's role", "“A big year for Bobby Scott!” Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News), shouted to the crowd. “The nation is watching.”", &[("A big year for Bobby Scott!", Some("Marcia Price")), ("The nation is watching.", Some("Marcia Price"))]),
        ("the person who opens the clause, not the outlet the statement went to", "Peter Thiel spoke. Thiel wrote in a statement to Wired explaining why he is speaking, “but most Americans agree.”", &[("but most Americans agree.", Some("Peter Thiel"))]),
        ("the same after a quote that ends its sentence", "“It is over!” Trump's spokeswoman, Hope Hicks, said.", &[("It is over!", Some("Hope Hicks"))]),
        ("the person an organisation's title describes, before a statement", "Kremlin spokesman Dmitry Peskov released a statement saying the talks were “useful and constructive.”", &[("useful and constructive.", Some("Dmitry Peskov"))]),
        ("a description with the body the role belongs to", "The former governor of New Mexico opened by slamming those who would “outsource” leadership abroad.", &[("outsource", Some("unnamed: The former governor of New Mexico"))]),
        ("an organisation introduces the quote with a colon", "NATO reveals a few relevant facts: “Of its members, most are in Europe and all share one treaty.”", &[("Of its members, most are in Europe and all share one treaty.", Some("NATO"))]),
        ("words a possessive names as someone's", "Merz doubted Putin's claim that the talks were “a real breakthrough for everyone.”", &[("a real breakthrough for everyone.", Some("Vladimir Putin"))]),
        ("a reporting verb with a particle after the quote", "“Jeb wants to be a tough guy tonight,” Trump shot back.", &[("Jeb wants to be a tough guy tonight,", Some("Donald Trump"))]),
        ("a reporting verb with a particle before the quote", "Putin fired back: “We will not be lectured by anyone.”", &[("We will not be lectured by anyone.", Some("Vladimir Putin"))]),
        ("a question in the marks, then the speaker and a verb with a particle", "“You know, it happens, right?” Trump went on, as if he had not heard.", &[("You know, it happens, right?", Some("Donald Trump"))]),
        ("a question in the marks, then a full name and the verb", "“His strategy, his campaign, it is all a show, no?” Freddy Ortega said.", &[("His strategy, his campaign, it is all a show, no?", Some("Freddy Ortega"))]),
        ("a participle right after a reporting verb is that verb's subject's", "Omar Mateen left as soon as prayers were finished, Adel Nefzi said, adding, “He was not very religious.”", &[("He was not very religious.", Some("Adel Nefzi"))]),
        ("as someone put it", "The vote is not close. As Friedrich Merz, the leader of the party, put it: “This plan will not pass this year.”", &[("This plan will not pass this year.", Some("Friedrich Merz"))]),
        // Must not match:
        ("put it with words after it is no reporting verb", "Putin said the aides put it aside as “a distraction from the talks.”", &[("a distraction from the talks.", Some("Vladimir Putin"))]),
        ("a participle after a comma with no reporting verb before it is the sentence subject's", "Putin left the room, angry at Trump, saying it was “a waste of everyone's time.”", &[("a waste of everyone's time.", Some("Vladimir Putin"))]),
        ("a quote that ends its sentence with a full stop is not the next sentence's", "Trump attacked Mitt Romney, calling him “a failed candidate.” Mitt Romney fired back in March, attacking Trump for “the greed, the showing off.”", &[("a failed candidate.", Some("Donald Trump")), ("the greed, the showing off.", Some("Mitt Romney"))]),
        ("went on to do something is no reporting verb", "Trump went on to promote “Celebrity Apprentice,” and Putin said nothing.", &[("Celebrity Apprentice,", Some("Donald Trump"))]),
        ("a second verb after the quote is not the quote's", "Putin said he was “not ready” to sign, and suggested that Trump needs to move first.", &[("not ready", Some("Vladimir Putin"))]),
        ("a sentence whose verb has no person for a subject does not introduce the next quote", "The report said turnout would fall. “There are no paper ballots to recount.”", &[("There are no paper ballots to recount.", None)]),
        ("a name closing a clause before a colon is no label", "Thomas Pena contrasted the candidate with Hillary Clinton: “What I have seen is a steady hand.”", &[("What I have seen is a steady hand.", Some("Thomas Pena"))]),
        ("a quote with its own verb is not introduced by the sentence before", "Putin was wrong, Trump said.\n\n“The evidence contradicts her sworn testimony,” the committee chairmen wrote.", &[("The evidence contradicts her sworn testimony,", Some("unnamed: the committee chairmen"))]),
        ("a far verb with a name in front is not an inversion", "That would create a “summer of agony” for Clinton, forcing her to fend off Trump, said Brad Benton, a Democratic pollster.", &[("summer of agony", Some("Brad Benton"))]),
        ("a clause's subject after the verb is not the speaker", "Joe Walden praised Trump and said the Florida senator can “bring positive change” to Washington.", &[("bring positive change", Some("Joe Walden"))]),
        ("a verb after its subject takes an object, not a speaker", "Gary Bolt, who has in the past described Trump as “a dangerous narcissist,” spoke first.", &[("a dangerous narcissist,", Some("Gary Bolt"))]),
        ("a verb after a preposition takes an object, not a speaker", "Trump responded to the tweet by calling Putin “dopey” and walked away.", &[("dopey", Some("Donald Trump"))]),
        ("a participle after the quote is not its verb", "Trump said he “cannot walk down the street” without reporters asking him about it.", &[("cannot walk down the street", Some("Donald Trump"))]),
        ("someone's words characterised by another", "Merz dismissed Putin's remarks as “a show for the cameras at home.”", &[("a show for the cameras at home.", Some("Friedrich Merz"))]),
        ("a party name as an adjective is not a source", "Democrats on the panel want to disprove Republican claims of “significant breakthroughs in the case.”", &[("significant breakthroughs in the case.", None)]),
        ("the listener is not the speaker", "“It was a long night for all of us,” the senator told Fox News.", &[("It was a long night for all of us,", Some("unnamed: the senator"))]),
        ("scare quote", "The so-called “peace plan” was not discussed.", &[]),
        ("title of a work", "He appeared on the show “Hannity” that night.", &[]),
        ("a long scare quote, a person named", "Putin praised the so-called “peace plan for the whole region” again.", &[]),
        ("a book in title case, its author named", "Trump wrote “The Art of the Deal” in 1987.", &[]),
        ("a show in title case, a person named", "Putin appeared on “Fox and Friends” that night.", &[]),
        ("a nickname stays the words of whoever gave it", "Trump called her “Miss Piggy” in 1996.", &[("Miss Piggy", Some("Donald Trump"))]),
        ("short scare quote with nobody behind it", "The meeting was billed as a “reset” of sorts.", &[]),
        ("short words someone called something are theirs", "Analysts called the meeting a “reset” of sorts.", &[("reset", Some("unnamed: Analysts"))]),
        ("pronoun with no antecedent", "“We will see what happens next,” he said.", &[("We will see what happens next,", None)]),
        ("a dash before a possessive is no byline", "“We are finished with talks,” the minister said on Friday. “It is over” — Putin's aides were less sure.", &[("We are finished with talks,", Some("unnamed: the minister")), ("It is over", Some("unnamed: the minister"))]),
        ("the one described as something is not the speaker", "The Times article hailed Trump as “the most honest candidate in the race.”", &[("the most honest candidate in the race.", Some("unnamed: The Times article"))]),
        ("a name after the verb that goes on to a verb of its own is the reported clause's subject", "Bill Mason, a Carolina businessman who had been a member of the campaign's board before leaving last month, said Putin had been led astray by “insiders” in Moscow.", &[("insiders", Some("Bill Mason"))]),
        ("quoted as saying names the speaker", "State media quoted Ambassador Alexander Darchiev as saying the mood was “generally positive.”", &[("generally positive.", Some("Alexander Darchiev"))]),
        ("a republic is a place, never the speaker", "Tom Perez talks about baseball.\n\nIn his parents' Dominican Republic, “baseball and politics are the national sport,” he says.", &[("baseball and politics are the national sport,", Some("Tom Perez"))]),
        ("code is not text", "```\n“Not a quote,” Putin said.\n```\n", &[]),
        ("quotation marks inside inline markup are not the text's", "<tweet tweet-author=\"@tedcruz\" tweet-date=\"January 19, 2016\n\">I love this state. Without her support, I wouldn’t be in the Senate.<tweet/>.", &[]),
        ("a quote in a code span is code", "Type `“We are ready,” Putin said.` to test.", &[]),
        ("a crowd's chant is the crowd's", "As Trump attacked Clinton, the attendees chanted, \"Lock her up!\" as they had before.", &[("Lock her up!", Some("unnamed: the attendees"))]),
        ("a source before a participle's phrase", "“We will not stop,” officials speaking on condition of anonymity said.", &[("We will not stop,", Some("unnamed: officials speaking on condition of anonymity"))]),
        ("a chant is no named person's", "When Trump named her, the crowd took up the old chant “Lock her up! Lock her up!” once more.", &[("Lock her up! Lock her up!", None)]),
        ("a chant after a person's clause, and a chant's noun", "Terry Shaw walked on stage chanting “USA! USA!” He was greeted with chants of “Bobby!” in May, according to Dana Miles.", &[("USA! USA!", None), ("Bobby!", None)]),
        ("what a gesture meant is not speech", "At one point, Trump tried to shush his supporters. He gestured \"no\" with his hands and declared that they should win.", &[]),
        ("doubled apostrophes, the NYT archive's marks", "''We are ready,'' Putin said. ''And we will wait.''", &[("We are ready,", Some("Vladimir Putin")), ("And we will wait.", Some("Vladimir Putin"))]),
        ("doubled apostrophes around a partial quote", "Putin said the talks were ''a good start'' for both sides.", &[("a good start", Some("Vladimir Putin"))]),
        ("doubled apostrophes after a possessive plural stay text", "The Smiths' house and the Joneses' car were sold, Putin said.", &[]),
        ("a treebank opening with a doubled-apostrophe close", "``We are ready,'' said Putin.", &[("We are ready,", Some("Vladimir Putin"))]),
        ("a surname that is also a title, after an honorific", "Larry King hosts a show.\n\n“They pay us a lot of money,” Mr. King said.", &[("They pay us a lot of money,", Some("Larry King"))]),
        ("an address after an honorific is no name", "“Thank you, Mr. President,” Mr. Smith said.", &[("Thank you, Mr. President,", Some("Smith"))]),
        ("a transcript's turns quoted whole, by their labels", "Mike Pence spoke on Sunday. A transcript follows:\n\n\"WALLACE: Will she be there?\n\n\"PENCE: She will not be attending.\n\n\"WALLACE: Why not?", &[("WALLACE: Will she be there?", Some("Wallace")), ("PENCE: She will not be attending.", Some("Mike Pence")), ("WALLACE: Why not?", Some("Wallace"))]),
        ("a family speaks for itself, not for the person it is named by", "Keith Lamont Scott died on Tuesday. “We want the videos,” Scott's family said.", &[("We want the videos,", Some("unnamed: Scott's family"))]),
        ("a pronoun in a contraction before the verb", "Donald Trump spoke in Michigan.\n\nHe’s claiming that voting fraud is “a big, big problem in this country.”", &[("a big, big problem in this country.", Some("Donald Trump"))]),
        ("a party's name for the article's principal whose role it is", "Republican nominee Donald Trump spoke in Michigan. Trump attacked the press. Trump left for Ohio.\n\nThe Republican is also encouraging his supporters to watch the polls.\n\nHe says: “I wonder why it was bad.”", &[("I wonder why it was bad.", Some("Donald Trump"))]),
        ("a party's name for the one person the article writes it beside", "Hillary Clinton spoke in Ohio. Clinton left.\n\nRepublican nominee Donald Trump spoke in Michigan.\n\nThe Republican is also encouraging his supporters to watch the polls.\n\nHe says: “I wonder why it was bad.”", &[("I wonder why it was bad.", Some("Donald Trump"))]),
        ("a party's name beside two people stays a description", "Republican Marco Rubio spoke. Republican nominee Donald Trump spoke in Michigan.\n\nThe Republican is also encouraging his supporters to watch the polls.\n\nHe says: “I wonder why it was bad.”", &[("I wonder why it was bad.", Some("unnamed: The Republican"))]),
        ("a party's name where no one person dominates stays a description", "Donald Trump and Marco Rubio spoke in Michigan.\n\nThe Republican is also encouraging his supporters to watch the polls.\n\nHe says: “I wonder why it was bad.”", &[("I wonder why it was bad.", Some("unnamed: The Republican"))]),
        ("a programme after an outlet's possessive is a title, its comma inside the marks", "In an interview on CBS's \"Face the Nation,\" Putin said the talks were over.", &[]),
        ("a programme after an outlet of several words", "“We are ready,” Putin said on Fox News’s “Fox and Friends.”", &[("We are ready,", Some("Vladimir Putin"))]),
        ("an outlet's possessive without on or in leaves a quote", "Putin said of CBS's “We will report it all,” that it was untrue.", &[("We will report it all,", Some("Vladimir Putin"))]),
        ("a quote signed below on a hyphen, with where the speaker is from", "\"The whole idea of it needs to stop.\"\n\n-Michelle Marks, Philadelphia.", &[("The whole idea of it needs to stop.", Some("Michelle Marks"))]),
        ("a quote signed below with a title and what the speaker did", "\"Great speech. She's tested.\"\n\n— President Putin, writing after the speech.", &[("Great speech. She's tested.", Some("Vladimir Putin"))]),
        ("a label that names no one", "“UPDATE: The hearing was moved,” Putin said.", &[("UPDATE: The hearing was moved,", Some("Vladimir Putin"))]),
        ("the person a description leads to before the verb is the sentence's subject", "Hillary Clinton spoke.\n\nClinton communication director Jennifer Palmieri said Trump is reduced to “taunts and insults.” “You could dismiss these actions,” she said.", &[("taunts and insults.", Some("Jennifer Palmieri")), ("You could dismiss these actions,", Some("Jennifer Palmieri"))]),
        ("a surname that is also a given name tells no sex", "“I don’t buy that,” Clinton said. “We have argued it,” said Brian Fallon.\n\nOn Monday night, Clinton leaned in heavy.\n\n“Why won’t he release his returns?” she said.", &[("I don’t buy that,", Some("Clinton")), ("We have argued it,", Some("Brian Fallon")), ("Why won’t he release his returns?", Some("Clinton"))]),
        ("a thing opening the clause, a person after its verb", "Donald Trump spoke. The website praised Clinton. Meanwhile, it attacked Trump, saying he “has offended Hispanics.”", &[("has offended Hispanics.", None)]),
        ("someone's people open the sentence", "Not paying taxes “makes me smart,” Donald Trump said. His surrogates called him “a genius” for it.", &[("makes me smart,", Some("Donald Trump")), ("a genius", Some("unnamed: His surrogates"))]),
        ("a free relative after the quote reports something else", "Putin has asked whether the hosts will be “fair” to him, engaging in what analysts described as old tactics.", &[("fair", Some("Vladimir Putin"))]),
        ("is what someone called it names the speaker", "They showed “extreme carelessness” with the files, which is what Director Sergei Ivanov described the leak as.", &[("extreme carelessness", Some("Sergei Ivanov"))]),
        ("a verb's word inside a name is no verb", "Ed Schultz spoke on Friday.\n\nHe said he did not mention it because “no one can credibly state it.” (Security experts in the United States have linked the breach to Russia.)", &[("no one can credibly state it.", Some("Ed Schultz"))]),
        ("a body opening the sentence, a person after its verb", "Vladimir Putin spoke. NATO accused Putin of “a fifth column” on Friday.", &[("a fifth column", Some("NATO"))]),
        ("a country opening the sentence speaks for its government, a person after its verb is the object", "Vladimir Putin spoke. Finland accused the Russian leader, Vladimir Putin, of “fanatic recklessness.”", &[("fanatic recklessness.", Some("Finland"))]),
        ("a quote closing its sentence, then a country reporting something else", "Japan branded Russia an “outlaw nation.” Finland insisted that Moscow “stop its escapades.”", &[("outlaw nation.", Some("Japan")), ("stop its escapades.", Some("Finland"))]),
        ("went on about reports", "Melanie Voss watched. “You winning?” she said, and as Donald Trump went on about “how the system is rigged,” Melanie said yes, yes, yes.", &[("You winning?", Some("Melanie Voss")), ("how the system is rigged,", Some("Donald Trump"))]),
        ("a statement introduced past a clause that opens the sentence", "George Wallace ran in 1968. When Wallace died in 1998, President Bill Clinton released the following statement:\n\n“Hillary and I offer our condolences to the family.”", &[("Hillary and I offer our condolences to the family.", Some("Bill Clinton"))]),
        ("a participle's phrase between subject and verb holds no subject", "Rahm Emanuel spoke. Others, reacting to the gap between the shooting and the video's release, shouted, “Stop the coverup!”", &[("Stop the coverup!", Some("unnamed: Others"))]),
        ("a far verb that reports something else leaves the quote to its own", "Deborah Reynolds spoke.\n\nAlthough Reynolds says that Santilli “broke the story” of the armed 2014 Bundy Ranch standoff in Bunkerville, Nev., others argue that he was no journalist.", &[("broke the story", Some("Deborah Reynolds"))]),
        ("a second speaker a conjunction brings in between two quotes of a sentence", "Chris Christie spoke of Donald Trump. Christie refers to the candidate as “Mr. Trump,” while Trump refers to the governor as “Chris.”", &[("Mr. Trump,", Some("Chris Christie")), ("Chris.", Some("Donald Trump"))]),
        ("someone spoken of after a conjunction is not the speaker", "Donald Trump spoke in Kentucky. Trump said that Marco Rubio was “a total lightweight” while Ted Cruz is “a basket case.”", &[("a total lightweight", Some("Donald Trump")), ("a basket case.", Some("Donald Trump"))]),
        ("an unknown subject of a naming verb is the source as written, not the person named after it", "Peter Santilli filmed it. In a video, Geraldo Rivera calls a screaming Santilli a “fascist” and a “Stalinist.”", &[("fascist", Some("unnamed: Geraldo Rivera")), ("Stalinist.", Some("unnamed: Geraldo Rivera"))]),
        ("after a preposition a capitalised word and calls are no subject and verb", "Donald Trump spoke. Alongside BLM calls for action, Trump said the city needs “law and order.”", &[("law and order.", Some("Donald Trump"))]),
        ("the subject of a naming verb, not the person it names", "Maria Lenz spoke of Donald Trump. And Lenz called Trump “a careful listener who learns fast.”", &[("a careful listener who learns fast.", Some("Maria Lenz"))]),
        ("what someone called, the words theirs", "Earlier, Donald Trump had spoken. The plan led to what adviser Maria Lenz called “the start of a new era” in her memoir.", &[("the start of a new era", Some("Maria Lenz"))]),
        ("a verb and as after its object", "Pope Francis spoke of borders. Before that, Putin had criticized the pope as ''a political person'' on Friday.", &[("a political person", Some("Vladimir Putin"))]),
        ("to call, after the person who does", "Maria Lenz wrote a story. The campaign denied it, with Putin taking to television to call Lenz “entirely confused” for it.", &[("entirely confused", Some("Vladimir Putin"))]),
        ("a capitalised will is a name, not a verb's helper", "George Will writes a column. Will described Putin as “a man of the old school.”", &[("a man of the old school.", Some("George Will"))]),
        ("words named inside what someone else reports are that one's", "Maria Lenz spoke of Putin. She pointed to reports that Putin called a rival “a paper tiger” as proof.", &[("a paper tiger", Some("Maria Lenz"))]),
        ("called on asks, it does not name", "Maria Lenz spoke. Putin said Lenz called on members to be “closely coordinated.”", &[("closely coordinated.", Some("Vladimir Putin"))]),
        ("referred to and as, then a second naming verb after the first quote", "Maria Lenz and Donald Trump spoke.\n\nSpeaking to CNN’s Erin Burnett Monday in Ohio, Lenz referred to Trump as “a quick study” but described his plans as a “draft at best.”", &[("a quick study", Some("Maria Lenz")), ("draft at best.", Some("Maria Lenz"))]),
        ("a reply in kind", "“Russia is no longer Russia,” Donald Trump claimed. “Russia will always be Russia,” an angry Putin retaliated.", &[("Russia is no longer Russia,", Some("Donald Trump")), ("Russia will always be Russia,", Some("Vladimir Putin"))]),
        ("a description with its determiner, whatever its head, is the source as written", "Hillary Clinton spoke to the police.\n\nAnother commenter said, “We all know how she feels about the police.”", &[("We all know how she feels about the police.", Some("unnamed: Another commenter"))]),
        ("responded by saying", "A Russian official responded by saying Japan should be careful “not to stir up problems” in the strait.", &[("not to stir up problems", Some("unnamed: A Russian official"))]),
        ("an inverted subject opening with his", "Bernie Sanders spoke in Ohio.\n\n“We are going to win this,” added his campaign manager Jeff Weaver, speaking to CNN.", &[("We are going to win this,", Some("Jeff Weaver"))]),
        ("an owner's role and the name set off after it", "Marco Rubio spoke in Florida.\n\n“We treat it as one long Election Day,” said Rubio’s deputy campaign manager, Rich Beeson, who ran the 2012 ground game.", &[("We treat it as one long Election Day,", Some("Rich Beeson"))]),
        ("a relative clause after a description", "Donald Trump went to Mexico City. There, Trump sat through a lecture from the Mexican host, who said that trade has been good for “both countries” and more.", &[("both countries", Some("unnamed: the Mexican host"))]),
        ("by saying, its clause's subject", "John Bolton spoke.\n\nBolton distanced himself from the movement by saying he would help if asked.  “I’m going to support him, and support him enthusiastically.”", &[("I’m going to support him, and support him enthusiastically.", Some("John Bolton"))]),
        ("and said after a clause set off by a comma", "Taylor Bush flew home. When told Perez was in the Cabinet, Bush thought for a moment and said that “it is an advantage not to be known.”", &[("it is an advantage not to be known.", Some("Taylor Bush"))]),
        ("a place may qualify a description's head", "Donald Trump spoke after her.\n\n“We need change,” the New York businessman said, arguing for a new approach.", &[("We need change,", Some("unnamed: the New York businessman"))]),
        ("someone's people after an opening phrase", "Donald Trump praised Putin. At the convention in Cleveland his operatives changed the platform, calling for “appropriate assistance” instead.", &[("appropriate assistance", Some("unnamed: his operatives"))]),
        ("someone's people after a verb are its object", "Jeb Bush spoke. In a farewell to a party that elevated his father, a tearful Bush could not bring himself to say ''Donald Trump.''", &[("Donald Trump.", Some("Jeb Bush"))]),
        ("an owner's role and the name set off after it open the sentence", "Donald Trump campaigned in Virginia. In early October, Trump’s Virginia state director, Mike Rubino, reached out to a vendor, writing in an email: “We want to use this soon.”", &[("We want to use this soon.", Some("Mike Rubino"))]),
        ("a subject right after the quote, its verb past a long affiliation", "Kim Jong Un spoke of Pyongyang.\n\n“Tritium would give a greater yield,” nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's Institute for Science and International Security wrote in September.", &[("Tritium would give a greater yield,", Some("David Albright"))]),
        ("a word between an unknown first name and its verb", "Famed fight doctor Ferdie Pacheco once said: “Cassius Clay was born in Louisville.”", &[("Cassius Clay was born in Louisville.", Some("Ferdie Pacheco"))]),
        ("the sender of a press release", "Marco Rubio spoke. After the call ended, Rubio’s campaign sent out a press release saying Murphy owes “Florida an explanation for repeatedly voting against it.”", &[("Florida an explanation for repeatedly voting against it.", Some("unnamed: Rubio’s campaign"))]),
        ("the author of a statement, past the day", "Donald Trump, who said a judge was biased, issued a statement Tuesday saying, “I do not feel that heritage makes anyone incapable of being impartial.”", &[("I do not feel that heritage makes anyone incapable of being impartial.", Some("Donald Trump"))]),
        ("a veteran of a person's campaign is not the person", "Hillary Clinton was attacked in a session. “She didn’t like that,” said a 2008 Clinton veteran.", &[("She didn’t like that,", Some("unnamed: a 2008 Clinton veteran"))]),
        ("a person placed by a state, then an appositive", "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said Thursday that “we will win this thing.”", &[("we will win this thing.", Some("Tom Cole"))]),
        ("a quote after a sentence whose person, set off by an appositive, reports it", "Sen. Ted Cruz, a candidate for president, tweeted a warning. “Missouri: remember the Democrats who fought for this bill.”", &[("Missouri: remember the Democrats who fought for this bill.", Some("Ted Cruz"))]),
        ("a surname alone is the family's other person, not the one named by a kin word", "Trump’s wife, Melania, is to speak. Donald Trump came. “Yes,” Trump said. “She will,” Melania said.", &[("Yes,", Some("Donald Trump")), ("She will,", Some("Melania Trump"))]),
        ("Mr. and Ms. with a couple of first names that tell no sex: the man first", "The parents, Khizr and Ghazala Khan, spoke. “Vote for unity,” Mr. Khan said. “I could not speak,” Ms. Khan said.", &[("Vote for unity,", Some("Khizr Khan")), ("I could not speak,", Some("Ghazala Khan"))]),
        ("who ruled on a statement, not whose statement it was", "Jane Smith checked it. The judge, Mark Ortiz, then ruled that Smith’s statement about the vote was “false and misleading,” and left.", &[("false and misleading,", Some("Mark Ortiz"))]),
        ("\"began\" and \"started\" report a quote too", "“The Times is claiming today that he may not follow through,” Sean Hannity started.", &[("The Times is claiming today that he may not follow through,", Some("Sean Hannity"))]),
        ("a few quoted words describing a noun after the quote are gone past", "“We have had better conventions,” Texas delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said.", &[("We have had better conventions,", Some("Bill Eastland")), ("Ted Cruz", Some("Bill Eastland"))]),
        ("a work's title inside an appositive is part of the text before the quote", "As Akhil Amar, professor of constitutional law at Yale and author of ''America's Unwritten Constitution,'' put it, ''Senate Republicans should remember that the shoe may be on the other foot.''", &[("Senate Republicans should remember that the shoe may be on the other foot.", Some("Akhil Amar"))]),
        ("a participle after a title that closes on the comma", "Rudy Giuliani, who backs Trump, trashed Comey on MSNBC’s “Morning Joe,” calling it a “no-brainer” to prosecute under the law.", &[("no-brainer", Some("Rudy Giuliani"))]),
        ("a person before a long appositive that ends on a body's name", "Scott Morris, a former Treasury official who is now a senior fellow at the Center for Global Development, which works to alleviate poverty and inequality, said, “It is not just the Americans jamming someone through.”", &[("It is not just the Americans jamming someone through.", Some("Scott Morris"))]),
        ("a person's adviser after the verb, with no name of their own", "Ted Cruz spoke. Roger Wicker said he expects Cruz to play a major role.\n\n“I think politicians are practical people,” said the senior Cruz adviser.", &[("I think politicians are practical people,", Some("unnamed: the senior Cruz adviser"))]),
        ("a person's role before a name that opens the sentence", "Donald Trump and Hillary Clinton met.\n\nClinton campaign manager Robby Mook told CBS on Monday that the Clinton campaign expects Holt to insert himself into the debate by calling out Trump for his supposed “lies” throughout the event.", &[("lies", Some("Robby Mook"))]),
        ("the one a verb makes act, with \"to\"", "Bill Clinton signed the 1994 Crime Bill, which prompted his wife Hillary Clinton to make a comment that described young black men as “super predators.”", &[("super predators.", Some("Hillary Clinton"))]),
        ("a source's word right before a name makes a person of it", "Newt Gingrich spoke. All this has led the Latvian journalist Dainis Ivans to fear a “Putin-RibbenTRUMP Pact.”", &[("Putin-RibbenTRUMP Pact.", Some("Dainis Ivans"))]),
        ("a quote with no verb after a sentence whose subject is a person", "Her former partner at Lenox Healthcare, Lauren B. Cole, called her a master at deals. “She showed again and again that she could close them.”", &[("She showed again and again that she could close them.", Some("Lauren B. Cole"))]),
        ("the same past a show's title, a title, the state and a clause", "On “Meet the Press,” Sen. Tim Kaine (Va.), who joined the ticket in July, named jobs as the first reason. “People want work more than anything else.”", &[("People want work more than anything else.", Some("Tim Kaine"))]),
        ("but not a person the sentence names after a preposition", "After meeting Tim Kaine, the crowd went home. “People want work more than anything else.”", &[("People want work more than anything else.", None)]),
        ("words held at arm's length are part of the sentence before a quote", "Sen. Marco Rubio said that by refusing to say the words “radical Islam,” Democrats are “saying we were never at war with anyone at all.”", &[("saying we were never at war with anyone at all.", Some("Marco Rubio"))]),
        ("but a name someone called a thing leaves the verb to them", "In a clip that Judge Ann Ross called “distasteful,” Peter Santilli expressed a desire to “try, convict and jail every one of them.”", &[("try, convict and jail every one of them.", Some("Peter Santilli"))]),
        ("a show's title before a colon is no quote strung before the verb", "Marco Rubio spoke first. Rubio told ABC’s “This Week”: “There is no deal unless both sides give something.”", &[("There is no deal unless both sides give something.", Some("Marco Rubio"))]),
        ("a source described by an occupation", "“It is hard to come back to work,” said the designer, who works for another brand.", &[("It is hard to come back to work,", Some("unnamed: the designer"))]),
        ("beamed reports a quote, and a child is a source", "“This is fantastic!” beamed Donald Hartley of Madison, Alabama. “How big is that wall?” asked the boy, as the audience laughed.", &[("This is fantastic!", Some("Donald Hartley")), ("How big is that wall?", Some("unnamed: the boy"))]),
        ("a news agency the gazetteer knows", "''Some may say it is a bit unkind,'' Xinhua, the official Chinese news agency, wrote.", &[("Some may say it is a bit unkind,", Some("Xinhua"))]),
        ("a body's role between a description and the name after the verb", "“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek, who served in Iraq.", &[("I fundamentally disagree,", Some("Mick Bednarek"))]),
        ("a body after its article opens a sentence that ends on a colon", "As if answering him, the Illinois Board of Elections was conclusive in its findings: “Further discussion on this issue is unnecessary.”", &[("Further discussion on this issue is unnecessary.", Some("Illinois Board of Elections"))]),
        ("a vox pop's paragraph signed after its last quote", "“We need jobs.” ― Jorge Falcon\n\n“Nobody listens to us here. All they have is money.” And that is all he has, “the root of all evil.” ― Ana Lastra.", &[("We need jobs.", Some("Jorge Falcon")), ("Nobody listens to us here. All they have is money.", Some("Ana Lastra")), ("the root of all evil.", Some("Ana Lastra"))]),
        ("a name and a verb on the next line open a paragraph of their own", "Jeb Bush spoke. Marco Rubio spoke.\n\n“I believe there should be exceptions,” Bush said. “And so that belief is firm.”\nRubio said he does support an exception.", &[("I believe there should be exceptions,", Some("Jeb Bush")), ("And so that belief is firm.", Some("Jeb Bush"))]),
    ];
    for (name, text, expected) in rows {
        let found = read(text, TextFormat::Markdown);
        let got: Vec<(&str, Option<&str>)> = found.iter().map(|(t, s, _)| (t.as_str(), s.as_deref())).collect();
        assert_eq!(got, *expected, "row `{name}`: {text}");
    }
}

/// A participle that ends a clause of its own opened by "when", after a title in marks that
/// leaves no subject between: the clause's person speaks, not the sentence's.
#[test]
fn a_participle_after_a_clause_of_its_own_is_that_clauses_person() {
    let text = "David Axelrod and Hillary Clinton spoke. He tweeted when Clinton ended a debate with a reference \
                to the \"Star Wars\" sequel hitting the theaters, remarking, “Thank you, and may The Force be with you.”";
    let quotes = read(text, TextFormat::Markdown);
    let thanks = quotes.iter().find(|q| q.0.starts_with("Thank you")).expect("the quote is found");
    assert_eq!(thanks.1.as_deref(), Some("Hillary Clinton"));
}

#[test]
fn partial_quotes_inside_indirect_speech_are_fragments() {
    let rows: &[(&str, bool)] = &[
        ("Putin said he agreed that Ukraine’s security “must be ensured,” without details.", true),
        ("Putin said: “Ukraine’s security must be ensured.”", false),
        ("“Ukraine’s security must be ensured,” Putin said.", false),
    ];
    for (text, fragment) in rows {
        let found = read(text, TextFormat::Markdown);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].1.as_deref(), Some("Vladimir Putin"), "{text}");
        assert_eq!(found[0].2, *fragment, "{text}");
    }
    // The rest of a split quote opens in lower case and is whole speech, not a fragment.
    let split = read("“We met,” Putin said, “and we talked for three hours.”", TextFormat::Markdown);
    assert_eq!(split.iter().map(|q| q.2).collect::<Vec<_>>(), [false, false], "{split:?}");
}

#[test]
fn wire_text_reads_a_paragraph_a_line() {
    let text = "Anchorage, Alaska : Russian President Vladimir Putin spoke first.\n“We hope for peace,” he said.\n";
    assert_eq!(
        read(text, TextFormat::Plain),
        [("We hope for peace,".to_string(), Some("Vladimir Putin".to_string()), false)]
    );
}

#[test]
fn a_surname_after_an_honorific_is_the_person_of_that_sex() {
    // Bill Clinton is named in full first; "Mrs. Clinton" is still Hillary Clinton, and
    // "Mr. Clinton" Bill.
    let text = "Bill Clinton campaigned for Hillary Clinton in Ohio.\n\n\
                “Jobs, jobs, jobs,” Mrs. Clinton said. “She will do it,” Mr. Clinton said.";
    assert_eq!(
        read(text, TextFormat::Markdown),
        [
            ("Jobs, jobs, jobs,".to_string(), Some("Hillary Clinton".to_string()), false),
            ("She will do it,".to_string(), Some("Bill Clinton".to_string()), false)
        ]
    );
    // With only Michelle Obama named in full, "Mr. Obama" is not she.
    let text = "Michelle Obama spoke first.\n\n“We are proud,” Mr. Obama said.";
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
    let people: Vec<&str> =
        annotations.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
    assert_eq!(people, ["Michelle Obama", "Obama"]);
    assert_eq!(read(text, TextFormat::Markdown)[0].1.as_deref(), Some("Obama"));
}

#[test]
fn entities_are_one_per_person_with_possessives_normalised() {
    let text = "President Trump met Vladimir Putin. Trump said Russia’s position had changed. \
                NATO allies and Fox News followed it from Kyiv. Donald Trump left for Washington.";
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
    let names = |kind: EntityKind| -> Vec<&str> {
        annotations.entities.iter().filter(|e| e.kind == kind).map(|e| e.name.as_str()).collect()
    };
    assert_eq!(names(EntityKind::Person), ["Donald Trump", "Vladimir Putin"]);
    assert!(names(EntityKind::Place).contains(&"Russia"));
    assert!(names(EntityKind::Place).contains(&"Kyiv"), "Kyiv is a place, not a person");
    assert!(names(EntityKind::Organisation).contains(&"NATO"));
    assert!(names(EntityKind::Organisation).contains(&"Fox News"));
    let trump = annotations.entities.iter().position(|e| e.name == "Donald Trump").expect("Trump");
    assert_eq!(annotations.mentions.iter().filter(|m| m.entity == trump).count(), 3, "three mentions, one entity");
    assert_eq!(annotations.entities[trump].registry_id.as_deref(), Some("donald-trump"));
}

/// (name, text, the people it names, in the order first met).
type PeopleRow = (&'static str, &'static str, &'static [&'static str]);

#[test]
fn people_outside_the_registry_are_found_one_entity_each() {
    #[rustfmt::skip]
    let rows: &[PeopleRow] = &[
        ("appositive with a possessive", "Alexander Darchiev, Russia’s ambassador, arrived early.", &["Alexander Darchiev"]),
        ("a law's name is nobody's", "Congress would dismantle key elements of No Child Left Behind, the sweeping law.", &[]),
        ("nor a programme's or a trade deal's", "Joe Scarborough said on Morning Joe that the Trans-Pacific Partnership would fail.", &["Joe Scarborough"]),
        ("appositive with whose", "Dane Waters, whose group has led the effort, spoke last.", &["Dane Waters"]),
        ("appositive with a role word", "Anne Richards, assistant secretary of state, joined the call.", &["Anne Richards"]),
        ("an age", "Brianne Stone, 29, of Huntsville, voted early.", &["Brianne Stone"]),
        ("title before the name", "Senator Jeanne Shaheen voted against it.", &["Jeanne Shaheen"]),
        ("subject of a reporting verb", "Kaja Kallas said the bloc was united.", &["Kaja Kallas"]),
        ("surname alone joins the full name", "Kaja Kallas spoke first. Later Kallas said the bloc was united.", &["Kaja Kallas"]),
        ("registry alias and full name are one", "Putin arrived. Vladimir Putin spoke.", &["Vladimir Putin"]),
        ("capitalised words opening a sentence are nobody", "Talks resumed on Monday. Police closed the road.", &[]),
        ("a word after a title that only qualifies one is nobody", "He hosted a Labor Day cookout before the Foreign Relations hearing.", &[]),
        ("a word after a person's own title is a name", "Later Sen. Kallas said the bloc was united.", &["Kallas"]),
        ("a group's name is nobody", "Sunni Muslims and Central European voters met Muslim American leaders. Muslims said so.", &[]),
        ("a surname that is also a demonym stays a name", "Mark Cuban said the bloc was united.", &["Mark Cuban"]),
        ("where they are from, set off by commas", "Johnnie Wilson, of Springfield, Va., said he had fought.", &["Johnnie Wilson"]),
        ("a word that opens the sentence and describes the person is not their name", "Journalist Jorge Ramos asked first. Rival Hillary Clinton mocked him.", &["Jorge Ramos", "Hillary Clinton"]),
        ("a place's word in a name a title says is a person's", "South Korean President Park Geun-hye spoke first.", &["Park Geun-hye"]),
        ("a place's word in a name a reporting verb says is a person's", "Park Geun-hye said the state was calm.", &["Park Geun-hye"]),
        ("a role word shaped so before any name opening the sentence", "The show ended. Actress Rosario Dawson said so. Co-anchor Norah O'Donnell said no.", &["Rosario Dawson", "Norah O'Donnell"]),
        ("a given name before a first name stays the name", "Giovanni Maria Vian wrote the editorial.", &["Giovanni Maria Vian"]),
        ("a first name before \"and\" and a full name shares its surname", "The brothers David and Charles Koch gave money.", &["David Koch", "Charles Koch"]),
        ("a full name coupled with a full name of a known first name", "Two voters, Tyresha McClenney and Bryan Anderson, saw it. So did Harry Reid and Pat Leahy.", &["Tyresha McClenney", "Bryan Anderson", "Harry Reid", "Pat Leahy"]),
        ("a given name of the census, beyond the hand lists", "Division head Leslie Caldwell and Garry Trudeau spoke.", &["Leslie Caldwell", "Garry Trudeau"]),
        ("a full name first in a list of names", "Guests included Oprah Winfrey, Will Smith, Patti LaBelle and others.", &["Oprah Winfrey", "Will Smith", "Patti LaBelle"]),
        ("but not a run opening on a title or a verb, or before a source's word", "Pastors David Jeremiah and Kenneth Copeland came. Follow Jeff Horwitz and Chad Day. Joe Biden and Civil Rights icon John Lewis marched.", &["Kenneth Copeland", "Chad Day", "Joe Biden", "John Lewis"]),
        ("a lone word before a role and a name says what the name is", "“No,” said Concord resident Whit Symms.", &["Whit Symms"]),
        ("a first name set off after a kin word takes its owner's surname", "Hillary Clinton won. Clinton’s husband, Bill, spoke. Erica’s mother, Dawn, taught. The party’s spokesman, Lau, said no.", &["Hillary Clinton", "Bill Clinton", "Dawn", "Lau"]),
        ("after a family's word, two first names the lexicon does not know share the surname", "The parents, Khizr and Ghazala Khan, spoke. The brothers Ammon and Ryan Bundy left.", &["Khizr Khan", "Ghazala Khan", "Ammon Bundy", "Ryan Bundy"]),
        ("what someone does, before the name, is no part of it", "At the rally the crowd heard from Actress Rosario Dawson, who spoke first, and from Rapper Killer Mike, who was last of all. A hacker known as Hacker Guccifer sent a letter.", &["Rosario Dawson", "Killer Mike", "Guccifer"]),
        ("what was started or begun is no one", "In 2012 the couple started Quadrivium, a foundation for the sustainable use of resources.", &[]),
        ("not a first name already met", "Hillary Clinton spoke. Later Hillary and Tim Kaine went on.", &["Hillary Clinton", "Tim Kaine"]),
        ("a place's people and a family are nobody", "Fiorina, speaking to Iowans, said no. Bill Clinton came. “No,” said the Clintons.", &["Bill Clinton"]),
        ("an occasion, a slogan and a court's case are nobody", "“Merry Christmas,” said Trump Train riders, citing the Citizens United decision. The Founding Fathers said so.", &["Donald Trump"]),
        ("a god, and a word for a thing, are nobody", "He never asked God to forgive him. “A great thing,” said Brexit campaigners.", &[]),
        ("a month's short name is nobody", "Rubio said Dec. 6 on CNN that Sunnis must fight.", &[]),
        ("a thing's or an occasion's name is nobody", "The Vote Millennial Poll found it. Super Bowl fans cheered the Tigrayan People.", &[]),
        ("a name opens on no joint left by a word before it", "Campaign for Wexler says he'll recast image.", &["Wexler"]),
        ("a place the gazetteer knows, left to a longer run", "“It works,” said South Carolina Democratic Party Chairman Jaime Harrison.", &["Jaime Harrison"]),
        ("a surname that is also a title, after an honorific", "Mr. King said the bloc was united.", &["King"]),
        ("a transcript's label is the person it names", "Mike Pence spoke.\n\nWALLACE: Will you?\n\nPENCE: We will win.\n\nWALLACE: When?\n\nUPDATE: The call ended.", &["Mike Pence", "Wallace"]),
        ("CEO is a title", "Senators grilled Wells Fargo CEO John Stumpf on Tuesday.", &["John Stumpf"]),
        ("a plural title before a name", "Critics like Senators Charles E. Grassley voted no.", &["Charles E. Grassley"]),
        ("a name that is a whole quotation is a nickname", "He called her “Miss Piggy” and left.", &[]),
        ("a name after a network's possessive", "He told CNN’s Wolf Blitzer in an interview that it was over.", &["Wolf Blitzer"]),
        ("the same after an outlet's plural possessive", "It was Fox News' Chris Wallace who asked.", &["Chris Wallace"]),
        ("but not a programme on a network", "She spoke on CNBC’s Squawk Box about it.", &[]),
        ("a word in lower case elsewhere is no first name in a headline", "Museum Will Tell Of Suffering And Delight\n\nIt will open.", &[]),
        ("a cue after a first name in a headline is no surname", "Rush Limbaugh: Hillary Asking Moderator To Check Trump\n\nShe did.", &["Hillary"]),
        ("a programme named after its host is nobody", "She spoke on The Steve Harvey Morning Show and The Laura Ingraham Show.", &[]),
        ("a country's name after a given name is a surname", "Rep. Steve Israel said it first. Michael Jordan agreed, in Jordan.", &["Steve Israel", "Michael Jordan"]),
        ("a title across a word that is no name names nobody", "The bill, the “Justice Against Sponsors of Terrorism Act,” passed.", &[]),
        ("\"Will\" that opens a question is the verb", "Will Cruz's gambit do any better? Probably not.", &[]),
        ("but a Will who asks is a person", "Will Smith, the actor, asked: what now?", &["Will Smith"]),
        ("a delegate's title", "“It is destroying this committee,” said Del. Stacey Plaskett of the Virgin Islands.", &["Stacey Plaskett"]),
        ("a nickname in quotation marks inside the name", "Del. Marcia \"Cia\" Price shouted to the crowd. John “Tig” Tiegen agreed.", &["Marcia Price", "John Tiegen"]),
        ("a party's word between a title and a name", "Senate Intelligence Ranking Democrat Dianne Feinstein said no.", &["Dianne Feinstein"]),
        ("the middle word of a name of three said alone", "Ambassador Miguel Basáñez Ebergenyi arrived. Basáñez played it down, Basáñez said.", &["Miguel Basáñez Ebergenyi"]),
        ("a committee's and a party's word before a first name", "House Intelligence Republican Mike Pompeo (R-Kans.), who has seen the messages, agreed.", &["Mike Pompeo"]),
        ("a role after a company's name is no one's name", "Fiorina, the former Hewlett-Packard CEO, took on Cruz directly.", &[]),
        ("a party and a state in brackets are no one's name", "Sen. Mike Lee (R-Utah) and Rep. Chris Collins (R-N.Y.) spoke.", &["Mike Lee", "Chris Collins"]),
        ("words made adjectives by a hyphen describe, they do not name", "She backs Elizabeth Warren-style rules, said the Shanghai-based Susan Tiwari.", &["Susan Tiwari"]),
        ("a headline's verbs end the names before them", "Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling’\n\nIt was late.", &["Vladimir Putin"]),
        ("a name ends with its line", "Jeb Bush Hits Marco Rubio On Rape Exception For Abortions\nJeb Bush criticized Marco Rubio.", &["Jeb Bush", "Marco Rubio"]),
        ("two words of a headline that the article writes in lower case", "Kallas on Climate Change: The Trends Are 'Terrifying.'\n\nWhat makes climate change hard is that it is slow, she said. Climate change, Ms. Kallas said, is real.", &["Kallas"]),
        ("but a list of names in title case keeps them whole", "Speakers: Warren Tompkins, Will Folks.\n\nHe will speak.", &["Warren Tompkins", "Will Folks"]),
        ("a region, a debate and a holiday are nobody", "Rust Belt states voted after the Republican Presidential Candidates Debate on Memorial Day.", &[]),
        ("after a title and \"of\", the words before the name end the title", "White House Chief of Staff Rahm Emanuel and Director of National Intelligence James Clapper met Chief Of Staff Denis McDonough and the Supervisor of Elections Susan Bucher.", &["Rahm Emanuel", "James Clapper", "Denis McDonough", "Susan Bucher"]),
        ("a union's title with a hyphen, and a managing editor", "United Auto Workers Secretary-Treasurer Gary Casteel spoke. Sam Jacobs, the Assistant Managing Editor, agreed.", &["Gary Casteel", "Sam Jacobs"]),
        ("a word for what someone does, opening the sentence", "Billionaire Donald Trump praised him. Businessman Mark Cuban agreed. Pundit Ann Coulter did not.", &["Donald Trump", "Mark Cuban", "Ann Coulter"]),
        ("a run that ends on a people's or a region's adjective is nobody", "Key Democratic lawmakers and South Korean officials met Deep Southern voters and the Joint Staff.", &[]),
        ("a people's word alone, and a programme named after its host, are nobody", "A Texan, the Germans and Roman Catholics spoke on The Kelly File.", &[]),
        ("a country before a reporting verb speaks as itself", "Ethiopia held elections. Ethiopia continues to occupy the village, and Pyongyang said so.", &[]),
        ("a hyphenated origin inside the run describes the person", "South Korean-born Monte Haines, 44, said he was banned.", &["Monte Haines"]),
    ];
    for (name, text, people) in rows {
        let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        let found: Vec<&str> =
            annotations.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(found, *people, "row `{name}`: {text}");
    }
}

#[test]
fn lone_words_without_a_sign_are_left_for_the_site() {
    // (text, the unsure words): no entity of the article and no speaker either way.
    #[rustfmt::skip]
    let rows: &[(&str, &[&str])] = &[
        ("One posting said that Obama should be hanged.", &["Obama"]),
        // A word the article also writes in lower case, or opening a sentence once, is a word.
        ("The Mall was full. People walked past the mall.", &[]),
        ("Talks resumed on Monday.", &[]),
        // Marked as a name, it is an entity of its own, not unsure.
        ("“We won,” Obama said.", &[]),
    ];
    for (text, unsure) in rows {
        let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        let found: Vec<&str> = annotations.unsure.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(found, *unsure, "{text}");
        for word in &annotations.unsure {
            assert!(annotations.entities.iter().all(|e| e.name != word.name), "{text}");
            assert!(word.spans.iter().all(|s| text[s.start..s.end] == word.name), "{text}");
        }
    }
}

#[test]
fn organisations_are_named_whole_and_generic_words_are_none() {
    let organisations = |text: &str| -> Vec<String> {
        let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        annotations.entities.iter().filter(|e| e.kind == EntityKind::Organisation).map(|e| e.name.clone()).collect()
    };
    let cases: &[(&str, &[&str])] = &[
        ("Talks resumed on Monday. The talks were tense.", &[]),
        ("Police closed the road. The police left at noon.", &[]),
        // Companies and bodies the gazetteer knows.
        (
            "“It worked,” Hewlett-Packard added. The American Legion wrote to him.",
            &["Hewlett-Packard", "American Legion"],
        ),
        ("“We will fight,” said United Steelworkers and Ford Motor.", &["United Steelworkers", "Ford Motor"]),
        (
            "Fans of the Denver Broncos and the Carolina Panthers argued, as La Stampa and Third Way noted.",
            &["La Stampa", "Third Way", "Denver Broncos", "Carolina Panthers"],
        ),
        ("Sources who reviewed the agreements told POLITICO on Friday.", &["Politico"]),
        // A publication, after the word for one.
        ("A columnist for the news site Pando said he was ashamed.", &["Pando"]),
        // Spoken of as one body, the word names one.
        ("Police say they have “adequate resources” for the game. The police left.", &["Police"]),
        ("Hard times, then a “comeback,” the Times wrote.", &["Times"]),
        // Titles and demonyms before the organisation's word are its name, not a role.
        ("The Labour Party met. The party chose a leader.", &["Labour Party"]),
        (
            "Officials at the Justice Department and the Foreign Ministry met.",
            &["Justice Department", "Foreign Ministry"],
        ),
        // A school on a place is the school, the place apart; a body on a matter is one name.
        (
            "The debate was at Hofstra University on Long Island. The Senate Committee on Foreign Relations met.",
            &["Hofstra University", "Senate Committee on Foreign Relations"],
        ),
        // Whole names over "and" the gazetteer knows.
        (
            "The Center on Budget and Policy Priorities and the Institute for Science and International Security wrote.",
            &["Center on Budget and Policy Priorities", "Institute for Science and International Security"],
        ),
        // A city's police in lower case.
        ("Tulsa police said the man was unarmed.", &["Tulsa Police Department"]),
        // A party's name with its noun in lower case.
        ("Voters left the Republican party. The Democrat party gained.", &["Republican Party", "Democratic Party"]),
        // A body's own decision names the body; a case's does not name a body.
        ("Critics faulted the Justice Department decision, and the Citizens United ruling.", &["Justice Department"]),
        // Whole names over "of", "for", "on" (and "the" after one).
        ("She studied at the University of Michigan.", &["University of Michigan"]),
        ("He joined the Center for American Progress.", &["Center for American Progress"]),
        // Over an ampersand, a firm's; not a couple's.
        ("An analyst at Compass Point Research & Trading wrote.", &["Compass Point Research & Trading"]),
        ("He met Jim & Sarah Brady.", &[]),
        // Over "and", where the gazetteer knows the name.
        (
            "The Organization for Economic Cooperation and Development says wages rose.",
            &["Organization for Economic Cooperation and Development"],
        ),
        // Over a title's word inside the name, whatever follows it.
        (
            "Mark Dubowitz of the Foundation for Defense of Democracies spoke.",
            &["Foundation for Defense of Democracies"],
        ),
        ("Mark Jebens served 22 years in the Marine Corps.", &["Marine Corps"]),
        ("Officials at the Department of the Treasury spoke.", &["Department of the Treasury"]),
        ("A cable from the Department of State leaked.", &["Department of State"]),
        // A place or an organisation's one word that opens a longer name is that name's.
        (
            "Reporters from the Los Angeles Times and the Chicago Tribune asked.",
            &["Los Angeles Times", "Chicago Tribune"],
        ),
        ("The Senate Banking Committee met on Monday.", &["Senate Banking Committee"]),
        ("The New York City Police Department said so.", &["New York City Police Department"]),
        // Over "and" where the name opens with an organisation's word or name and goes on to one.
        (
            "The House Oversight and Government Reform Committee voted.",
            &["House Oversight and Government Reform Committee"],
        ),
        (
            "He sits on the House Education and the Workforce Committee.",
            &["House Education and the Workforce Committee"],
        ),
        ("The FBI and Justice Department declined.", &["FBI", "Justice Department"]),
        // Known acronyms are their bodies.
        (
            "The NYPD and the S.E.C. looked into it.",
            &["New York City Police Department", "Securities and Exchange Commission"],
        ),
        // The end of a longer name in the same article is that organisation.
        (
            "The Urban-Brookings Tax Policy Center found it. The Tax Policy Center said so.",
            &["Urban-Brookings Tax Policy Center"],
        ),
        ("Viewers of NBC Nightly News saw it. Nightly News led with it.", &["NBC Nightly News"]),
        ("Harbor News reported it. Follow Harbor News on the web.", &["Harbor News", "Follow Harbor News"]),
        // The parties of a court case name the case.
        ("The ruling in Brown v. Board of Education stood.", &[]),
        // A network and its news are one body.
        ("NBC reported it first, and NBC News confirmed it.", &["NBC News"]),
        // A word in capitals that the article also writes as a word is shouted.
        ("Voters want to SAVE money, and they save it.", &[]),
        // Over "for a"; on the words that end names of bodies, after a hyphen too.
        (
            "The Committee for a Responsible Federal Budget reported it.",
            &["Committee for a Responsible Federal Budget"],
        ),
        ("The United States Elections Project estimated it.", &["United States Elections Project"]),
        (
            "In an interview with TMZ Sports, he said so to KING-TV and the Sun-Times.",
            &["TMZ Sports", "KING-TV", "Sun-Times"],
        ),
        ("Publishers Weekly and the Hispanic Chamber reported it.", &["Publishers Weekly", "Hispanic Chamber"]),
        // Outlets the gazetteer knows, beside a reporting verb too.
        ("Newsmax reported it, Mashable said, and the Fox News Channel agreed.", &["Newsmax", "Mashable", "Fox News"]),
        ("Breitbart News LLC owns the site.", &["Breitbart News"]),
        // An organisation called by its first word after its whole name is that organisation.
        ("Peabody Energy filed for bankruptcy. Peabody gave Patriot its reserves, Peabody said.", &["Peabody Energy"]),
        // Political committees: "PAC" ends their names; "a super PAC" is what they are.
        (
            "Our Principles PAC and the Conservative Solutions PAC spent more than the Super PAC Correct the Record.",
            &["Our Principles PAC", "Correct the Record", "Conservative Solutions PAC"],
        ),
        ("Priorities USA raised more. Priorities USA Action said so.", &["Priorities USA Action"]),
        // Newspapers, firms and pollsters by the word that ends their names.
        (
            "The Orlando Sentinel, the Des Moines Register and Pew Research polled Solidarity Strategies.",
            &["Orlando Sentinel", "Des Moines Register", "Pew Research", "Solidarity Strategies"],
        ),
        ("The Ku Klux Klan endorsed him.", &["Ku Klux Klan"]),
        ("Broadside Books published it, and Harmon Brothers made the ad.", &["Broadside Books", "Harmon Brothers"]),
        ("He built Lenox Healthcare into a chain.", &["Lenox Healthcare"]),
        // A paper that prints its name in capitals; a letter is a platform only to post on.
        ("The campaign told USA TODAY that if he does X, Y and Z, it will act.", &["USA Today"]),
        ("— Volodymyr Zelensky, on X", &["X"]),
        // A body's name that ends on a direction and a place, or on its endowment's cause.
        (
            "He taught at the University of Southern California and the Carnegie Endowment for International Peace.",
            &["University of Southern California", "Carnegie Endowment for International Peace"],
        ),
        // A name not whole yet goes on over "and the".
        ("The House Education and the Workforce Committee met.", &["House Education and the Workforce Committee"]),
        // Bodies whose names hold "and", whole.
        (
            "The Office of Management and Budget and Immigration and Customs Enforcement wrote to the American Action Forum.",
            &["Office of Management and Budget", "Immigration and Customs Enforcement", "American Action Forum"],
        ),
        // Capitals of no body: everyday words, deals and laws, initials, postal codes.
        ("''Are you O.K.?'' the CEO asked. NAFTA and the FOIA rules, FDR, Phoenix, AZ: the NAACP.", &["NAACP"]),
    ];
    for (text, expected) in cases {
        assert_eq!(organisations(text), *expected, "{text}");
    }
}

#[test]
fn places_are_named_where_the_text_says_they_are_places() {
    let places = |text: &str| -> Vec<String> {
        let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        annotations.entities.iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.name.clone()).collect()
    };
    let cases: &[(&str, &[&str])] = &[
        // A city of the generated gazetteer: a large one alone, a smaller one with a word that
        // says it is a place, in every mention once one does.
        ("Copenhagen hosted the summit.", &["Copenhagen"]),
        // The capital and New York by their letters.
        ("After four decades in DC, he moved to NYC, then to L.A.", &["Washington", "New York City", "Los Angeles"]),
        // A first name before a place's word that is also a surname, and a county's office.
        ("Director Michael Bay met the Maricopa County Recorder in Green Bay.", &["Green Bay"]),
        ("Protests spread in Tulsa. Tulsa police said little.", &["Tulsa"]),
        ("Richmond, Va., is where he grew up.", &["Richmond", "Virginia"]),
        ("The rally in Hempstead, N.Y., drew crowds.", &["Hempstead", "New York"]),
        ("Tulsa police said little.", &[]),
        (
            "“Fine,” said Stonewall Inn staff on the Las Vegas Strip near Scarborough Shoal.",
            &["Stonewall Inn", "Las Vegas Strip", "Scarborough Shoal"],
        ),
        // A word that calls it a town: before it, and before a reporting verb too.
        ("A truck hit a crowd in the resort city of Nice.", &["Nice"]),
        ("The cities of Blackpool and Liverpool said they would light landmarks.", &["Blackpool", "Liverpool"]),
        ("He lives outside the state capital, Sacramento, and prays.", &["Sacramento"]),
        // A first name needs the same: "Charlotte" alone may be a woman.
        ("Crowds marched in Charlotte on Tuesday.", &["Charlotte"]),
        ("Charlotte laughed at the joke.", &[]),
        // Named sites of the gazetteer.
        ("Jeremy Paris, who used to work on Capitol Hill, said so.", &["Capitol Hill"]),
        // Part of a person's name, in one mention or another: no place in that article.
        ("Ben Carson spoke in Detroit. In Carson, Carson said, voters agreed.", &["Detroit"]),
        ("Warren Buffett, who lives in Omaha, spoke.", &["Omaha"]),
        ("The Hilary Clinton-run State Department met in Clinton.", &[]),
        // A name ends on what it is.
        ("Fans filled Bank of America Stadium.", &["Bank of America Stadium"]),
        ("He oversees a research center at Massachusetts General Hospital.", &["Massachusetts General Hospital"]),
        // A state that opens a longer name, and a part of a place.
        ("“It works,” said South Carolina Democratic Party Chairman Jaime Harrison.", &["South Carolina"]),
        ("A pop-up art show in the South Bronx opened.", &["South Bronx"]),
        // A region named by its direction is that region, not the whole.
        ("Troops moved to Eastern Europe. Voters in South Florida split.", &["Eastern Europe", "South Florida"]),
        ("A South Florida-based group met.", &["Florida"]),
        // A dateline with a dash names a place the gazetteer knows; a headline in capitals
        // before a dash names none.
        ("DES MOINES — The caucuses opened.\n\nSANDERS HAS THE EDGE - The polls said so.", &["Des Moines"]),
        // A town the gazetteer does not know, before its state's abbreviation.
        ("He spoke at a rally in Kenansville, N.C., on Friday.", &["North Carolina", "Kenansville"]),
        // Cities listed together are places, with no other word to say so.
        (
            "The counties, which include Cleveland, Cincinnati and Columbus, voted.",
            &["Cleveland", "Cincinnati", "Columbus"],
        ),
        // A title qualifier before a place's word is the place's name.
        ("Crowds filled the National Mall.", &["National Mall"]),
        // A word the article also writes in lower case is that word; some words always are.
        ("In Plantation they grow cane on a plantation.", &[]),
        ("In Plantation they grow cane.", &["Plantation"]),
        ("Mobile phones are everywhere in Mobile.", &[]),
        // A place inside an organisation's name is that name's, not a place of the article.
        ("She studied at the University of Michigan.", &[]),
        ("The New York Post and the Los Angeles Times agreed.", &[]),
        // A dateline in capitals before a state.
        ("FORT PIERCE, Fla. - Two days before, he knelt.", &["Fort Pierce"]),
        ("Back in 1988, Rust Belt states supported him.", &["Rust Belt"]),
    ];
    for (text, expected) in cases {
        assert_eq!(places(text), *expected, "{text}");
    }
}

#[test]
fn headlines_in_title_case_name_people_not_their_verbs() {
    let text = "Hillary Clinton Sides With George W. Bush On Radical Islam\n\n\
                Bolton And Gorka Slam Neocons For Backing Her\n\n\
                Clinton Says Russians Hacked DNC, Calls Trump’s Wexler Remarks ‘Troubling’\n\n\
                Tom Wexler denied it, and Wexler said so again.\n\n\
                Speakers: Kate Malloy Corriveau, Ed Failor Jr., Martha Fuller Clark\n\n\
                Sebastian Gorka said the plan would fail.";
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
    let mut people: Vec<&str> =
        annotations.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Ed Failor Jr.",
            "George W. Bush",
            "Hillary Clinton",
            "Kate Malloy Corriveau",
            "Martha Fuller Clark",
            "Sebastian Gorka",
            "Tom Wexler"
        ]
    );
}

#[test]
fn events_are_found_by_name_and_alias() {
    let text = "Before the Alaska summit, few expected much.";
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
    assert_eq!(annotations.events, ["anchorage-summit"]);
}

#[test]
fn editor_overrides_win() {
    let text = "“We will see,” he said. Jeb Bush was not there. “It went well,” Trump said.";
    let overrides = Overrides {
        speakers: vec![
            SpeakerOverride { quote: "we will see".into(), speaker: Some("Marco Rubio".into()) },
            SpeakerOverride { quote: "It went".into(), speaker: None },
        ],
        add_people: vec!["Steve Witkoff".into()],
        remove_people: vec!["Jeb Bush".into()],
        aliases: [("the envoy".to_string(), "Steve Witkoff".to_string())].into(),
    };
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &overrides);
    let speaker = |i: usize| match &annotations.quotes[i].speaker {
        Some(Speaker::Entity { entity }) => Some(annotations.entities[*entity].name.as_str()),
        _ => None,
    };
    assert_eq!(speaker(0), Some("Marco Rubio"));
    assert_eq!(speaker(1), None);
    let people: Vec<&str> = annotations.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(people.contains(&"Steve Witkoff"));
    assert!(!people.contains(&"Jeb Bush"));
}

#[test]
fn an_empty_alias_names_nobody() {
    let text = "“We will see,” he said. Trump left.";
    let overrides =
        Overrides { aliases: [(String::new(), "Steve Witkoff".to_string())].into(), ..Overrides::default() };
    let annotations = annotate(text, TextFormat::Markdown, &registry(), &overrides);
    assert!(annotations.entities.iter().all(|e| e.name != "Steve Witkoff"));
    assert!(annotations.mentions.iter().all(|m| m.span.start < m.span.end));
}

#[test]
fn a_sentence_is_read_back_at_most_its_longest() {
    // A run with no full stop is cut into sentences of `MAX_SENTENCE_TOKENS`: a verb further
    // back than that, in the same run, no longer reaches the quote.
    let near = format!("Trump said {}“we are ready.”", "and so on ".repeat(60));
    let far = format!("Trump said {}“we are ready.”", "and so on ".repeat(300));
    assert_eq!(
        read(&near, TextFormat::Markdown),
        [("we are ready.".to_string(), Some("Donald Trump".to_string()), true)]
    );
    assert_eq!(read(&far, TextFormat::Markdown), [("we are ready.".to_string(), None, true)]);
}

#[test]
fn spans_point_at_the_quote_on_char_boundaries_and_output_is_deterministic() {
    let texts = [
        "“Ça va,” dit-il — “日本語のテキスト,” Putin said. Ünïcödé “naïve façade,” Trump said.",
        "\"unbalanced quote at the end",
        "“”“”\"\"“",
        "",
        "> “block quote,” Putin said\n\n- “item,” Trump said\n",
    ];
    for text in texts {
        let first = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        let again = annotate(text, TextFormat::Markdown, &registry(), &Overrides::default());
        assert_eq!(first, again, "{text}");
        for quote in &first.quotes {
            assert!(text.is_char_boundary(quote.span.start) && text.is_char_boundary(quote.span.end));
            assert_eq!(&text[quote.span.start..quote.span.end], quote.text);
        }
        for mention in &first.mentions {
            assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
            assert!(mention.entity < first.entities.len());
        }
    }
}
