#!/usr/bin/env python3
"""Generate a synthetic but realistic knowledge bank of HR case studies.

    python3 bench/gen_cases.py --count 10000 --out DIR [--seed 1] [--json-out DIR2]

Writes DIR/<slug>.md, each with YAML front matter that satisfies
schema/default.yaml and a Markdown body holding exactly the sections its kind
requires, in order. With --json-out, also writes DIR2/<slug>.json holding the
same front matter as JSON, so JSON Schema validators can be timed on equal
input without needing a YAML parser here.

Why synthetic: benchmarks need tens of thousands of cases, far more than any
real bank holds, and the same corpus on every machine. Everything is drawn from
one random.Random(seed), so a given (count, seed) always yields byte-identical
files. Standard library only, so it runs wherever Python 3 does.

The organisations are fictional (every case carries `example: true`); tool
names are ordinary products a practitioner would list, nothing is claimed about
them.
"""

import argparse
import json
import os
import random
import sys

# --------------------------------------------------------------------------
# Vocabulary. Enumerations mirror schema/default.yaml; they are copied rather
# than parsed so that the corpus does not change when the schema file does.
# --------------------------------------------------------------------------

REGIONS = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM
BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX
CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG
GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR
IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV
LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE
NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF
WS YE YT ZA ZM ZW
""".split()

# Most real cases come from a handful of countries; NO is deliberately common
# because YAML 1.1 parsers famously read a bare NO as false.
REGION_NAMES = {
    "US": "the United States", "GB": "the United Kingdom", "DE": "Germany",
    "NO": "Norway", "SE": "Sweden", "DK": "Denmark", "FI": "Finland",
    "NL": "the Netherlands", "FR": "France", "ES": "Spain", "IT": "Italy",
    "IE": "Ireland", "PL": "Poland", "PT": "Portugal", "CA": "Canada",
    "MX": "Mexico", "BR": "Brazil", "AR": "Argentina", "IN": "India",
    "SG": "Singapore", "AU": "Australia", "NZ": "New Zealand", "JP": "Japan",
    "ZA": "South Africa", "KE": "Kenya", "NG": "Nigeria", "AE": "the UAE",
    "PH": "the Philippines", "CH": "Switzerland", "AT": "Austria",
}
COMMON_REGIONS = list(REGION_NAMES)

INDUSTRIES = {
    "agriculture": ["Farms", "Growers", "Agri Co-op", "Seeds"],
    "construction": ["Builders", "Construction", "Civil Works", "Homes"],
    "consumer-goods": ["Goods", "Brands", "Foods", "Household"],
    "education": ["Academy", "College", "Schools Trust", "Learning"],
    "energy": ["Energy", "Power", "Renewables", "Grid"],
    "financial-services": ["Bank", "Savings", "Capital", "Mutual"],
    "fintech": ["Pay", "Ledger", "Money", "Finance Labs"],
    "government": ["County Council", "Agency", "Municipality", "Public Works"],
    "healthcare": ["Health", "Clinics", "Hospital Trust", "Care"],
    "hospitality": ["Hotels", "Hospitality", "Inns", "Restaurants"],
    "insurance": ["Insurance", "Assurance", "Mutual Insurance", "Underwriters"],
    "logistics": ["Logistics", "Freight", "Couriers", "Distribution"],
    "manufacturing": ["Manufacturing", "Industries", "Works", "Components"],
    "media": ["Media", "Publishing", "Studios", "News"],
    "nonprofit": ["Foundation", "Trust", "Alliance", "Relief"],
    "pharmaceuticals": ["Pharma", "Therapeutics", "Biosciences", "Labs"],
    "professional-services": ["Partners", "Consulting", "Advisory", "Associates"],
    "real-estate": ["Properties", "Estates", "Realty", "Housing"],
    "retail": ["Retail", "Stores", "Market", "Outfitters"],
    "technology": ["Software", "Systems", "Cloud", "Digital"],
    "telecommunications": ["Telecom", "Networks", "Mobile", "Fibre"],
    "transportation": ["Transit", "Rail", "Airways", "Bus Lines"],
    "other": ["Group", "Collective", "Holdings", "Cooperative"],
}
INDUSTRY_WEIGHTS = {"technology": 6, "retail": 3, "healthcare": 3,
                    "financial-services": 3, "professional-services": 2,
                    "logistics": 2, "manufacturing": 2, "education": 2}

ORG_PREFIXES = """
Northwind Bluebird Copperleaf Silverpine Kestrel Tidewater Ironbridge Lumen
Redwood Willowbrook Cobalt Juniper Fjordline Saltmarsh Brightwater Foxglove
Amberly Halcyon Larkspur Stonegate Harborlane Mossbank Quillfeather Ravenhill
Sunmeadow Thistledown Umberfield Vantage Westmere Yarrow Zephyrine Alderbay
Birchwood Cedarline Driftwood Elmstead Fernhollow Glenrock Hearthstone Inkwell
Jadeport Kingsfold Lindenhurst Marigold Nettlebed Oakhaven Pinecrest Quarrytown
Rosemere Seabright Tamarind Upland Valemont Wrenfield Ashgrove Beaconsfield
Clearwater Dunmore Evergreen Fairhaven Goldcrest Highmoor Islay Jasperline
Kittiwake Lakeshore Millbrook Northgate Orchardale Peregrine Riverbend Skylark
Trailhead Verdant Windrush Bramblewood Cormorant Dovecote Eastbrook Heronsgate
""".split()

SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001-10000", "10001+"]
SIZE_WEIGHTS = [2, 8, 16, 26, 22, 12, 14]
SIZE_LABEL = {"1-10": "tiny", "11-50": "small", "51-200": "growing",
              "201-1000": "mid-sized", "1001-5000": "large", "5001-10000": "large",
              "10001+": "very large"}
SIZE_PEOPLE = {"1-10": "a team of eight", "11-50": "about forty people",
               "51-200": "around 150 people", "201-1000": "roughly 600 people",
               "1001-5000": "about 3,000 people", "5001-10000": "some 7,000 people",
               "10001+": "more than 20,000 people"}

FIRST = """
Jane Amara Lars Ingrid Priya Tomasz Mei Carlos Fatima Oluwaseun Hannah Diego
Sofia Kenji Aisha Mateo Freya Rahul Chloe Emeka Noor Jonas Camila Yusuf Elena
Marcus Leila Anders Grace Ravi Zanele Hugo Astrid Nadia Felipe Siobhan Tariq Maja
Daniel Ayumi Olga Samuel Chiara Kwame Isabel Henrik Laila Pedro Ruth Arjun
""".split()
LAST = """
Doe Okafor Nilsen Berg Sharma Kowalski Chen Rodriguez Haddad Adeyemi Schmidt
Alvarez Rossi Tanaka Khan Garcia Lindqvist Patel Martin Nwosu Rahman Weber Silva
Demir Petrova Johnson Mansour Hansen Mensah Iyer Dlamini Dubois Johansen Novak
Moreno Byrne Aziz Larsen Kim Watanabe Ivanova Owusu Romano Boateng Costa Eriksen
Farouk Santos Murphy Reddy
""".split()
ROLES = [
    "Head of Talent", "People Partner", "HR Business Partner", "Recruiting Lead",
    "Chief People Officer", "L&D Manager", "People Analytics Lead",
    "Talent Acquisition Specialist", "HR Generalist",
    "Compensation and Benefits Manager", "Head of People Operations",
    "Employer Brand Manager", "DEI Programme Lead", "Onboarding Coordinator",
    "VP People", "HR Director", "Workforce Planning Analyst", "Engineering Manager",
]

TOOLS = [
    "Greenhouse", "Lever", "Workday", "BambooHR", "Personio", "HiBob",
    "Culture Amp", "Lattice", "Peakon", "Officevibe", "Slack", "Microsoft Teams",
    "Notion", "Confluence", "Google Sheets", "Excel", "Power BI", "Looker Studio",
    "Typeform", "Google Forms", "SurveyMonkey", "Zoom", "Miro", "Trello", "Asana",
    "Airtable", "Textio", "LinkedIn Recruiter", "SmartRecruiters", "Teamtailor",
    "Workable", "SAP SuccessFactors", "Oracle HCM", "Deel", "Remote", "Pave",
    "Docebo", "Moodle", "Coursera", "Calendly", "Loom", "Zapier", "Python",
    "R", "Tableau", "Qualtrics", "Donut", "Guru", "Jira", "Metabase",
]

STAKEHOLDERS = [
    "line managers", "the leadership team", "finance", "the works council",
    "our legal team", "the union representatives", "hiring managers",
    "the board", "team leads", "the IT department", "employee resource groups",
    "the executive sponsor", "regional HR leads", "the CFO",
]
TEAMS = [
    "the people team", "our talent acquisition team", "a two-person HR team",
    "the people operations team", "our recruiting team", "the HR leadership group",
    "a cross-functional working group", "the L&D team", "our people analytics squad",
]
PERIODS = ["3 months", "6 months", "9 months", "12 months", "18 months",
           "2 years", "one quarter", "a year", "two hiring cycles"]
LICENSES = ["CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0"]

# Per topic: phrases for titles, the initiative and problem as noun phrases
# that drop into the generic sentence templates, and the metrics such a case
# would report as (name, unit, low, high, decimals, which way is better).
TOPICS = {
    "benefits": dict(
        titles=["Redesigning our benefits around what people actually use",
                "Replacing a fixed benefits menu with a flexible budget",
                "Cutting benefits spend without cutting benefits",
                "Introducing a lifestyle spending account"],
        initiative=["a flexible benefits budget", "a benefits usage review",
                    "a lifestyle spending account", "a simplified benefits portal"],
        problem=["benefits nobody used", "a benefits budget growing faster than headcount",
                 "confusion about what the health plan covered"],
        metrics=[("Benefits enrolment rate", "%", 40, 80, 0, "up"),
                 ("Benefits cost per employee", "EUR", 1800, 4200, 0, "down"),
                 ("Benefits satisfaction score", "points", 50, 75, 0, "up")]),
    "candidate-experience": dict(
        titles=["Opening our interview playbook to every candidate",
                "Answering every applicant within five working days",
                "Rebuilding the candidate journey from the first click",
                "Sending interview questions to candidates in advance"],
        initiative=["a published interview playbook", "a five-day reply promise",
                    "candidate feedback surveys after every stage",
                    "interview questions shared in advance"],
        problem=["candidates ghosted after the first interview",
                 "a careers page that had not changed since 2016",
                 "angry reviews on employer review sites"],
        metrics=[("Candidate NPS", "points", -10, 40, 0, "up"),
                 ("Offer acceptance rate", "%", 60, 85, 0, "up"),
                 ("Application drop-off rate", "%", 30, 70, 0, "down")]),
    "compensation": dict(
        titles=["Publishing salary bands for every role",
                "Moving to a single global pay framework",
                "Closing unexplained pay gaps in one review cycle",
                "Making pay reviews boring and predictable"],
        initiative=["published salary bands", "a levelling framework",
                    "an annual pay equity audit", "a transparent pay review calendar"],
        problem=["pay decisions nobody could explain",
                 "negotiation skills deciding salaries", "an unexplained gender pay gap"],
        metrics=[("Unexplained gender pay gap", "%", 3, 12, 1, "down"),
                 ("Pay-related exits", "per quarter", 4, 30, 0, "down"),
                 ("Employees who understand their band", "%", 20, 60, 0, "up")]),
    "culture": dict(
        titles=["Writing down our values after ten years without them",
                "Replacing the annual party with monthly team rituals",
                "Retiring values that had become slogans"],
        initiative=["a values rewrite led by employees", "monthly team rituals",
                    "a culture code written in the open"],
        problem=["values posters nobody remembered", "a culture split between two offices",
                 "rapid growth diluting how we worked"],
        metrics=[("Engagement score", "points", 55, 78, 0, "up"),
                 ("Survey participation", "%", 45, 85, 0, "up")]),
    "diversity-equity-inclusion": dict(
        titles=["Removing names from the first screening round",
                "Setting up employee resource groups with a real budget",
                "Auditing job adverts for exclusionary language",
                "Making promotion criteria public"],
        initiative=["anonymised CV screening", "funded employee resource groups",
                    "an inclusive language review of every advert",
                    "public promotion criteria"],
        problem=["a shortlist that looked the same every time",
                 "women leaving at twice the rate of men",
                 "promotions that went to whoever was loudest"],
        metrics=[("Women in shortlists", "%", 18, 45, 0, "up"),
                 ("Underrepresented hires", "%", 8, 30, 0, "up"),
                 ("Inclusion index", "points", 55, 80, 0, "up")]),
    "employee-experience": dict(
        titles=["Mapping the employee journey with the people who live it",
                "Fixing the ten most annoying internal processes",
                "Running an internal help desk for people questions"],
        initiative=["an employee journey map", "a people help desk",
                    "a quarterly fix-the-friction sprint"],
        problem=["simple questions taking weeks to answer",
                 "processes designed for a company a tenth of our size",
                 "a survey comment box full of the same complaints"],
        metrics=[("eNPS", "points", -15, 35, 0, "up"),
                 ("Median time to resolve HR tickets", "days", 2, 12, 1, "down")]),
    "employee-relations": dict(
        titles=["Rewriting our grievance process in plain language",
                "Training managers to handle conflict early",
                "Building a working partnership with the works council"],
        initiative=["a plain-language grievance process", "early conflict training for managers",
                    "monthly meetings with the works council"],
        problem=["grievances that took months to close", "managers escalating every disagreement",
                 "a tense relationship with the union"],
        metrics=[("Median grievance resolution time", "days", 15, 90, 0, "down"),
                 ("Formal grievances", "per year", 10, 80, 0, "down")]),
    "employer-branding": dict(
        titles=["Letting employees write our careers page",
                "Turning engineers into our best recruiters",
                "Publishing honest day-in-the-life stories"],
        initiative=["employee-written job stories", "an employee ambassador programme",
                    "honest day-in-the-life posts"],
        problem=["a careers page that sounded like everyone else's",
                 "nobody outside the city knowing we existed",
                 "low application rates for hard-to-fill roles"],
        metrics=[("Applications per opening", "applications", 15, 120, 0, "up"),
                 ("Careers page conversion", "%", 2, 12, 1, "up"),
                 ("Referral share of hires", "%", 10, 40, 0, "up")]),
    "hr-technology": dict(
        titles=["Replacing five HR tools with one",
                "Moving our people data out of spreadsheets",
                "Choosing an applicant tracking system with a small team",
                "Automating contract generation"],
        initiative=["a single HR information system", "an ATS migration",
                    "automated contract generation", "a people data warehouse"],
        problem=["people data spread across nine spreadsheets",
                 "manual contract drafting", "an applicant tracking system nobody trusted"],
        metrics=[("Hours spent on admin per week", "hours", 10, 60, 0, "down"),
                 ("Data errors found in audit", "errors", 20, 300, 0, "down"),
                 ("Time to issue a contract", "days", 1, 10, 1, "down")]),
    "internal-mobility": dict(
        titles=["Advertising every role internally first",
                "Running an internal talent marketplace",
                "Letting people try another team for a month"],
        initiative=["an internal-first hiring rule", "an internal talent marketplace",
                    "one-month team rotations"],
        problem=["people leaving to get the job they wanted here",
                 "managers hoarding their best people", "no visible career paths"],
        metrics=[("Internal fill rate", "%", 10, 45, 0, "up"),
                 ("Regretted attrition", "%", 6, 20, 1, "down")]),
    "leadership-development": dict(
        titles=["Training first-time managers in their first 90 days",
                "Replacing the leadership offsite with peer coaching",
                "Building a manager curriculum from exit interview data"],
        initiative=["a first-time manager programme", "peer coaching circles",
                    "a manager curriculum built from exit data"],
        problem=["new managers thrown in at the deep end",
                 "exit interviews naming the same managers", "leadership training nobody applied"],
        metrics=[("Manager effectiveness score", "points", 55, 80, 0, "up"),
                 ("Attrition in teams with new managers", "%", 12, 30, 0, "down")]),
    "learning-development": dict(
        titles=["Giving every employee a personal learning budget",
                "Replacing classroom training with learning sprints",
                "Making learning time part of the working week"],
        initiative=["personal learning budgets", "four-week learning sprints",
                    "protected learning hours"],
        problem=["a training catalogue nobody opened", "learning budgets spent in December",
                 "skills gaps found too late"],
        metrics=[("Employees using learning budget", "%", 20, 75, 0, "up"),
                 ("Learning hours per employee", "hours per year", 6, 40, 0, "up")]),
    "offboarding": dict(
        titles=["Treating leavers as future alumni",
                "Running exit interviews that change something",
                "Cutting offboarding to a single checklist"],
        initiative=["an alumni network", "exit interviews run by a neutral team",
                    "a single offboarding checklist"],
        problem=["exit interviews filed and forgotten", "laptops and access left behind",
                 "leavers who felt shown the door"],
        metrics=[("Boomerang hires", "per year", 1, 25, 0, "up"),
                 ("Access revoked within 24 hours", "%", 40, 99, 0, "up")]),
    "onboarding": dict(
        titles=["Pairing every new hire with a buddy",
                "Starting onboarding two weeks before day one",
                "Rebuilding remote onboarding from scratch",
                "Cutting time to productivity for new engineers"],
        initiative=["an onboarding buddy scheme", "preboarding before day one",
                    "a 30-60-90 day plan for every role", "a remote onboarding programme"],
        problem=["new hires leaving within 90 days", "day one without a laptop",
                 "onboarding that depended on who your manager was"],
        metrics=[("90-day attrition", "%", 5, 25, 1, "down"),
                 ("New hire satisfaction", "points", 55, 85, 0, "up"),
                 ("Time to first merged change", "days", 5, 30, 0, "down")]),
    "people-analytics": dict(
        titles=["Predicting attrition with the data we already had",
                "Building a people dashboard managers actually open",
                "Running our first organisational network analysis"],
        initiative=["an attrition model", "a manager dashboard",
                    "an organisational network analysis"],
        problem=["decisions made on anecdotes", "reports nobody read",
                 "attrition surprises every quarter"],
        metrics=[("Managers using the dashboard monthly", "%", 10, 70, 0, "up"),
                 ("Attrition forecast error", "%", 5, 30, 0, "down")]),
    "performance-management": dict(
        titles=["Dropping annual ratings for quarterly conversations",
                "Calibrating reviews across teams",
                "Writing performance criteria with the people measured by them"],
        initiative=["quarterly check-ins", "calibration sessions",
                    "co-written performance criteria"],
        problem=["annual reviews that surprised everyone",
                 "ratings that depended on the manager", "forced ranking resentment"],
        metrics=[("Employees who find reviews fair", "%", 35, 75, 0, "up"),
                 ("Time spent on reviews", "hours per manager", 8, 40, 0, "down")]),
    "recruiting": dict(
        titles=["Cutting time-to-hire with structured interviews",
                "Hiring fifty people in a quarter with three recruiters",
                "Replacing unpaid take-home tests with paid work samples",
                "Building a referral programme that works"],
        initiative=["structured interviews", "paid work samples",
                    "a reworked referral programme", "a hiring manager intake meeting"],
        problem=["time-to-hire over sixty days", "interviewers asking whatever they liked",
                 "a hiring plan we kept missing"],
        metrics=[("Time to hire", "days", 20, 75, 0, "down"),
                 ("Offer acceptance rate", "%", 60, 90, 0, "up"),
                 ("Cost per hire", "EUR", 1500, 9000, 0, "down"),
                 ("Hiring manager satisfaction", "points", 50, 85, 0, "up")]),
    "remote-work": dict(
        titles=["Writing a remote work policy with employees",
                "Going remote-first without losing the team",
                "Setting core hours across six time zones"],
        initiative=["a co-written remote policy", "remote-first working agreements",
                    "core collaboration hours"],
        problem=["an office nobody wanted to return to",
                 "meetings at midnight for half the team", "remote staff missing promotions"],
        metrics=[("Employees satisfied with flexibility", "%", 40, 90, 0, "up"),
                 ("Meetings outside core hours", "per week", 3, 20, 0, "down")]),
    "retention": dict(
        titles=["Running stay interviews before people resign",
                "Halving first-year attrition in our warehouses",
                "Finding out why our best people left"],
        initiative=["stay interviews", "a first-year retention plan",
                    "an attrition deep dive"],
        problem=["regretted attrition above 20%", "losing people in their first year",
                 "resignations that came as a surprise"],
        metrics=[("Voluntary attrition", "%", 8, 35, 1, "down"),
                 ("First-year retention", "%", 55, 90, 0, "up")]),
    "skills-based-hiring": dict(
        titles=["Dropping degree requirements from our job adverts",
                "Hiring for skills instead of CVs",
                "Writing job adverts around outcomes, not credentials"],
        initiative=["degree-free job adverts", "skills-based assessments",
                    "outcome-based role descriptions"],
        problem=["degree filters shrinking our talent pool",
                 "CV screening that favoured the same schools", "roles open for months"],
        metrics=[("Applicants without a degree hired", "%", 2, 30, 0, "up"),
                 ("Time to fill", "days", 25, 80, 0, "down")]),
    "wellbeing": dict(
        titles=["Introducing no-meeting Fridays",
                "Training mental health first aiders",
                "Tackling burnout in our support team"],
        initiative=["no-meeting Fridays", "mental health first aiders",
                    "a workload review for the support team"],
        problem=["burnout in customer-facing teams", "sick leave rising every quarter",
                 "calendars full from nine to six"],
        metrics=[("Sick days per employee", "days per year", 4, 14, 1, "down"),
                 ("Employees reporting burnout", "%", 15, 45, 0, "down")]),
    "workforce-planning": dict(
        titles=["Planning headcount with finance instead of against it",
                "Building a skills inventory before the reorganisation",
                "Moving from annual to rolling headcount plans"],
        initiative=["a joint headcount plan with finance", "a skills inventory",
                    "rolling quarterly headcount plans"],
        problem=["headcount plans out of date by February",
                 "hiring freezes announced overnight", "no idea which skills we had"],
        metrics=[("Plan accuracy", "%", 50, 90, 0, "up"),
                 ("Unplanned requisitions", "per quarter", 5, 40, 0, "down")]),
}
TOPIC_NAMES = list(TOPICS)
TITLE_SUFFIXES = [" at {org}", " at {org}", " at {org}", " at {org}",
                  " in {region_name}", " for {size_people}",
                  " at {org}, one year on", ": what {org} learned"]

# --------------------------------------------------------------------------
# Sentence templates per section. Slots are filled from a per-case context;
# {link1}/{link2} are links to other cases of the same corpus.
# --------------------------------------------------------------------------

WHY = [
    "The trigger was {problem}.",
    "Our people data showed {metric_lc} at {before} {unit_words}, well behind what peers in {region_name} reported.",
    "In a {size_label} organisation, small inefficiencies add up: every extra step was repeated hundreds of times a year.",
    "{stakeholder_cap} were frustrated too, which made the first conversations easier than expected.",
    "For two years running, our engagement survey flagged {problem}, and each year we promised to look into it.",
    "{org} employs {size_people}, and {team} had been firefighting {problem} for longer than anyone liked to admit.",
    "Exit interviews kept returning to the same theme: {problem}.",
    "When {stakeholder} asked why {metric_lc} had moved from {before} {unit_words} to where it was, nobody had a good answer.",
    "We were growing by roughly {n1} people a year, and what had worked for a small team no longer did.",
    "Our leadership had read about {initiative} elsewhere and wanted to know whether it would work for us.",
    "None of this was new; what changed was that {stakeholder} started asking for numbers.",
    "A peer at another company told us about their attempt, and we realised we were not the only ones stuck with {problem}.",
    "The honest reason we started was frustration: {team} spent most of its week on work that did not need to exist.",
    "In a survey of {n2} employees, {pct1}% said they would not recommend our process to a friend.",
    "We had tried a quick fix the year before, and it made {problem} slightly worse.",
    "Competitors in {region_name} were hiring the people we wanted, often with less to offer.",
    "Our {tool} reports made the trend hard to ignore once somebody plotted it by quarter.",
    "It was not a crisis, which is precisely why it had been easy to postpone.",
    "*Nobody* owned the problem end to end, so every team assumed another one was handling it.",
    "We wanted {initiative} to be something people would notice in their first week, not a line in a policy document.",
    "The question we kept coming back to was simple: what would it take to stop {problem}?",
    "Before this project, the only data we had was a column called `{field}` in a spreadsheet that three people edited.",
    "Several of us had read [{link1_title}]({link1}.md) and recognised our own situation in it.",
    "Our managers were not short of goodwill; they were short of time and of a clear process.",
    "Budgets were tight, so any change had to pay for itself within {period}.",
    "The works council had raised the issue twice in writing, and we owed them a proper answer.",
    "We suspected that {problem} was costing us more than the obvious numbers showed.",
]

WHAT = [
    "We introduced {initiative}, starting with a pilot of {n3} people in {region_name}.",
    "In short: {initiative}, run by {team}, with {stakeholder} as the sponsor.",
    "The scope was deliberately small at first: one business unit, one quarter, one metric that mattered.",
    "We set ourselves a single goal, to move {metric_lc} from {before} {unit_words} to something closer to {target} {unit_words}.",
    "The programme had three parts: a clear policy, training for {stakeholder}, and a monthly review of the data.",
    "Everything lived in {tool}, because that is where people already spent their day.",
    "We wrote the principles down on one page and asked {stakeholder} to challenge every line of it.",
    "Participation was voluntary for the first {weeks} weeks and became the default afterwards.",
    "We borrowed the structure from [{link2_title}]({link2}.md) and adapted it to a {size_label} organisation.",
    "The budget was modest: roughly {money} EUR, most of it spent on training time rather than software.",
    "We named an owner for every step, which sounds obvious but had never been done before.",
    "Rather than buying something new, we reconfigured {tool} and wrote a short guide for each audience.",
    "The core idea of {initiative} is simple; the hard part is doing it consistently across teams.",
    "We agreed up front what we would stop doing to make room for the new work.",
    "The work was split into small experiments, each with a hypothesis and a date to review it.",
    "For managers, the change meant about {hours} extra hours a month in the first quarter.",
    "We told everyone, in writing, what data we would collect and who could see it.",
    "The pilot covered {pct2}% of our workforce, enough to learn from and small enough to undo.",
    "Success was defined in advance: {metric_lc} at {target} {unit_words} or better within {period}.",
    "The initiative replaced two older processes, which we switched off on the same day.",
    "We kept the process the same in every country and let {region_name} add what local law required.",
    "Employees could opt out at any time, and we tracked how many did.",
    "Our guiding rule was that nothing should take a manager more than ten minutes a week.",
]

HOW = [
    "We started by interviewing {n3} employees and {stakeholder} about what got in their way.",
    "{team_cap} ran weekly check-ins with the pilot teams and kept a shared log of every issue raised.",
    "Each step was tested with one team before we rolled it out more widely.",
    "We built a simple intake form in {tool2} so requests stopped arriving by email and chat.",
    "Training took {hours} hours per manager, split into short sessions rather than one long day.",
    "We documented every decision in {tool}, including the ones we later reversed.",
    "To keep ourselves honest, we published the numbers in the `#people-ops` channel every month.",
    "The rollout to {region_name} took longer because of local consultation rules, which we should have planned for.",
    "{stakeholder_cap} reviewed a draft of every change before it went live.",
    "We tagged every record in {tool} with `{field}` so that we could measure before and after.",
    "Templates mattered more than we expected; a good default beat a long training session.",
    "We paired each pilot team with someone from {team} who could answer questions the same day.",
    "Where the process needed approval, we set a service level of {days} working days and tracked it.",
    "After {weeks} weeks we reviewed the results with the pilot teams and changed three things.",
    "A small group of volunteers tested every message before it went to the whole company.",
    "We used {tool2} to automate the reminders, which removed most of the chasing.",
    "Managers got a one-page checklist, and we asked them to tick it off in the meeting, not afterwards.",
    "The data pipeline was a scheduled export from {tool} into {tool2}, nothing fancier than that.",
    "Every change went through a short review with {stakeholder}, which slowed us down by a week and saved us a month.",
    "We ran a retrospective after each wave of the rollout and published the notes.",
    "A shared FAQ answered most questions; we added to it every time someone asked something new.",
    "For the analysis we kept it simple: a monthly extract, a pivot table, and a chart per team.",
    "We ran the first sessions in person in {region_name} and moved online once the material was stable.",
]

RESULTS = [
    "After {period}, {metric_lc} had moved from {before} {unit_words} to {after} {unit_words}.",
    "The clearest change was in {metric_lc}: {before} {unit_words} before, {after} {unit_words} after.",
    "Not every number moved as much: {metric2_lc} went from {before2} to {after2} {unit_words2}, less than we had hoped.",
    "We also tracked {metric2_lc}, which went from {before2} to {after2} {unit_words2} over the same period.",
    "In {region_name} the change was faster than elsewhere, probably because the local team had asked for it.",
    "The numbers for the first month looked worse before they looked better, which nearly ended the pilot.",
    "Managers who used the `{field}` view in {tool} weekly saw the largest improvements in their teams.",
    "A year on, {pct1}% of teams still follow the process without being reminded.",
    "We shared the results with {stakeholder} first, and they asked for the raw data, which we gave them.",
    "Our finance partner estimated the saving at roughly {money} EUR a year, mostly in agency fees and overtime.",
    "The results were good enough that we stopped calling it a pilot after {weeks} weeks.",
    "Feedback from {stakeholder} was more positive than we expected, with {pct1}% rating the change as useful.",
    "The pilot teams outperformed the rest of the company on every measure we tracked, though the sample was small.",
    "We are careful about causality: the market in {region_name} changed during the same period.",
    "Qualitatively, people described the new process as *predictable*, which was exactly what we wanted.",
    "The cost came in under budget, mostly because we reused {tool} instead of buying a new tool.",
    "Managers reported spending about {hours} hours less per month on the process.",
    "The effect was strongest in teams whose managers had attended the training.",
    "Six months later the numbers were holding, which we had not dared to assume.",
    "Survey participation rose to {pct2}%, so at least we now trust the data we report.",
    "We compared the pilot group with a similar group that had not changed anything, and the gap was clear.",
    "The biggest surprise was how quickly {stakeholder} started asking for the same approach elsewhere.",
]

DIDNT = [
    "Our first version was far too complicated, and {stakeholder} quietly ignored it.",
    "We underestimated how much time managers would need, and the first month showed it.",
    "The dashboard we built in {tool2} was used twice and then forgotten.",
    "We launched in December, which was a mistake nobody should repeat.",
    "Communication was our weakest point: people heard about the change from colleagues before they heard from us.",
    "We tried to measure everything and ended up trusting nothing; we cut the list to {n4} metrics.",
    "One region rolled the change out without the training, and their results were noticeably worse.",
    "The integration between {tool} and {tool2} broke twice, and each time we lost a week of data.",
    "**We failed** to involve {stakeholder} early enough, and paid for it in the second quarter.",
    "Some teams treated {initiative} as a box-ticking exercise, which defeated the point.",
    "Our assumption that everyone had the same problem turned out to be wrong for the smaller offices.",
    "The survey was too long; completion dropped below {pct3}% after the second page.",
    "We announced a target before we had a baseline, and then had to explain why the target moved.",
    "Asking busy people to log their time in a new tool did not work, however simple we made it.",
    "We picked {tool2} because it was cheap, and spent the savings on workarounds.",
    "Nobody on the project owned communication, so everyone assumed someone else had sent the update.",
    "The pilot group volunteered, which means they were the teams least likely to need it.",
    "Our baseline for {metric_lc} turned out to be wrong by a few points, which made the early results look better than they were.",
    "We copied a process from [{link1_title}]({link1}.md) without adapting it, and it did not fit a {size_label} organisation.",
    "Legal review took {weeks} weeks longer than planned because we brought it in at the end.",
    "Some managers heard *optional* and skipped it entirely; the word was ours, the result was too.",
    "We never agreed what success meant for {stakeholder}, so every review turned into a debate about the goal.",
]

LEARNINGS = [
    "Start smaller than you think you need to; the pilot taught us more than the plan did.",
    "Get {stakeholder} involved before the first draft, not after it.",
    "Measure one thing well rather than ten things badly.",
    "Write the process down in plain language; if it needs a glossary, it is too complicated.",
    "Budget time for managers, not just money for tools.",
    "Publish the numbers, including the bad ones; trust went up when we did.",
    "A good default template does more than a training session.",
    "The people closest to the problem usually already know the fix; ask them first.",
    "Local rules in {region_name} shaped the rollout more than we expected, so check them early.",
    "Keep a decision log; six months later nobody remembers why a choice was made.",
    "Celebrate the teams that adopt early, and let them tell the story, not HR.",
    "Stop something old whenever you start something new, or the workload only grows.",
    "If we did it again, we would spend the first {weeks} weeks on the baseline alone.",
    "Technology was the easy part; habits took a year to change.",
    "Share your failures with peers; two other companies warned us about mistakes we were about to make.",
    "Agree with {stakeholder} what *good* looks like before you collect any data.",
    "Give the process an owner with time in their calendar, not a committee.",
    "Check whether {tool} can already do what you need before buying anything.",
    "Pilot with sceptical teams as well as enthusiastic ones, or the results will flatter you.",
    "Tell people what changes for them on Monday morning; the strategy can wait.",
    "Review the process after every cycle, and delete at least one step each time.",
    "Write the case study while it happens; we reconstructed half of this from chat history.",
]

RESOURCE_EXTERNAL = [
    "Our {initiative_short} template", "The one-page policy we shared with managers",
    "Slides from the internal launch", "The survey questions we used",
    "Our manager checklist", "The data dictionary for our dashboard",
    "The email we sent to every employee", "Our interview scorecard",
]

BULLET_ITEMS = {
    "Why": ["{problem_cap} in several teams", "{metric} at {before} {unit_words}",
            "No owner for the process end to end", "Pressure from {stakeholder} to show results",
            "Data scattered across {tool} and email", "Growing headcount, flat HR capacity",
            "Inconsistent practice between offices", "Complaints in the engagement survey"],
    "What": ["A written policy of one page", "Training for {stakeholder}",
             "A shared tracker in {tool}", "A monthly review with {stakeholder}",
             "Clear owners for every step", "A pilot in {region_name}",
             "A budget of {money} EUR", "A feedback channel in {tool2}"],
    "How": ["Interviews with {n3} employees", "A pilot of {weeks} weeks",
            "Weekly check-ins with pilot teams", "A simple form in {tool2}",
            "Automated reminders", "Manager training in short sessions",
            "A decision log in {tool}", "A review after every cycle"],
    "Results": ["{metric}: {before} to {after} {unit_words}",
                "{metric2}: {before2} to {after2} {unit_words2}",
                "Participation of {pct2}%", "{hours} hours a month saved per manager",
                "Positive feedback from {stakeholder}", "Lower spend than budgeted"],
    "What didn't work": ["Launching in a busy season", "A dashboard nobody used",
                         "Too many metrics at once", "Late involvement of {stakeholder}",
                         "A survey that was too long", "Fragile integrations between tools"],
    "Learnings": ["Start small", "Involve {stakeholder} early", "Measure one thing well",
                  "Publish the numbers", "Budget manager time", "Write in plain language",
                  "Keep a decision log", "Stop something old for every new thing"],
}
STEPS = [
    "Agree the problem statement with {stakeholder}.",
    "Collect a baseline for {metric_lc} from {tool}.",
    "Draft the process and test it with one team.",
    "Train managers in short sessions of under an hour.",
    "Launch the pilot in {region_name} for {weeks} weeks.",
    "Review the data and the feedback together.",
    "Adjust the process and write down what changed.",
    "Roll out to the remaining teams in waves.",
    "Hand ownership to {team} and schedule a yearly review.",
]
SUBHEADINGS = {
    "Why": ["The numbers", "What people told us", "Why now"],
    "What": ["Scope", "Principles", "Budget and people"],
    "How": ["Preparation", "The pilot", "Rollout", "Tooling", "Communication"],
    "Results": ["Quantitative results", "What people said", "Caveats"],
    "What didn't work": ["Process", "Technology", "Communication mistakes"],
    "Learnings": ["For HR teams", "For managers", "If we started again"],
}
FIELDS = ["time_to_fill", "offer_accepted", "stage", "source", "exit_reason",
          "start_date", "manager_id", "team_code", "survey_score", "level"]
SECTION_TEMPLATES = {"Why": WHY, "What": WHAT, "How": HOW, "Results": RESULTS,
                     "What didn't work": DIDNT, "Learnings": LEARNINGS}
KIND_SECTIONS = {
    "case-study": ["Why", "What", "How", "Results", "What didn't work", "Learnings", "Resources"],
    "spark": ["What", "Results", "What didn't work", "Learnings"],
}
# Relative share of the body each section gets.
SECTION_WEIGHT = {"Why": 1.0, "What": 1.1, "How": 1.6, "Results": 1.1,
                  "What didn't work": 1.0, "Learnings": 0.8, "Resources": 0.25}

MIN_BYTES, MAX_BYTES = 5200, 14800  # inside both 5-15 kB and 5-15 KiB


# --------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------

SLUG_STOPWORDS = {"a", "an", "and", "at", "for", "from", "in", "of", "on", "one",
                  "the", "to", "what", "with", "without", "our", "by", "them"}


def slugify(text):
    out, dash = [], False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# Characters that force quoting of a plain YAML scalar somewhere in it.
_UNSAFE = (": ", " #", "\"", "\\", "\t")


def yaml_scalar(s):
    """Plain when YAML would read it back as the same string, else double-quoted."""
    if (not s or s[0] in "-?:,[]{}#&*!|>'\"%@`" or s[-1] == ":"
            or any(u in s for u in _UNSAFE) or s.lower() in ("yes", "no", "true", "false", "null", "on", "off")):
        return json.dumps(s, ensure_ascii=False)
    return s


def flow_item(s):
    """Items of a [a, b] flow list may not contain flow indicators."""
    if any(c in s for c in ",[]{}") or yaml_scalar(s) != s:
        return json.dumps(s, ensure_ascii=False)
    return s


def wrap(text, width):
    lines, cur = [], ""
    for word in text.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def fmt_number(x):
    return str(int(x)) if float(x).is_integer() else repr(x)


class Case:
    __slots__ = ("fm", "slug", "title", "ctx", "topics")


def make_metric(rng, spec):
    name, unit, lo, hi, dec, better = spec
    before = round(rng.uniform(lo, hi), dec)
    worse = rng.random() < 0.15  # failures are part of the point
    change = rng.uniform(0.08, 0.45)
    if (better == "up") != worse:
        after = before + abs(before) * change + (1 if before == 0 else 0)
    else:
        after = before - abs(before) * change
    if unit == "%":
        after = min(max(after, 0), 100)
    after = round(after, dec)
    if dec == 0:
        before, after = int(before), int(after)
    return {"name": name, "before": before, "after": after, "unit": unit,
            "period": rng.choice(PERIODS)}


def make_front_matter(rng, titles_seen, slugs_seen):
    c = Case()
    kind = "case-study" if rng.random() < 0.8 else "spark"
    industry = rng.choices(list(INDUSTRIES), [INDUSTRY_WEIGHTS.get(i, 1) for i in INDUSTRIES])[0]
    org = f"{rng.choice(ORG_PREFIXES)} {rng.choice(INDUSTRIES[industry])}"
    size = rng.choices(SIZES, SIZE_WEIGHTS)[0]
    nreg = rng.choices([1, 2, 3, 4, 6], [60, 20, 10, 6, 4])[0]
    regions = []
    while len(regions) < nreg:
        r = rng.choice(COMMON_REGIONS) if rng.random() < 0.8 else rng.choice(REGIONS)
        if r not in regions:
            regions.append(r)
    topics = rng.sample(TOPIC_NAMES, rng.choices([1, 2, 3, 4, 5, 6], [15, 35, 25, 13, 7, 5])[0])
    main = TOPICS[topics[0]]
    region_name = REGION_NAMES.get(regions[0], "our region")

    for attempt in range(50):
        phrase = rng.choice(main["titles"])
        suffix = rng.choice(TITLE_SUFFIXES) if attempt < 20 else " at {org}, part %d" % attempt
        title = phrase + suffix.format(org=org, region_name=region_name,
                                       size_people=SIZE_PEOPLE[size])
        if title not in titles_seen and len(title) <= 120:
            break
        if attempt >= 20:  # the same org and phrase again: rename the org
            org = f"{rng.choice(ORG_PREFIXES)} {rng.choice(ORG_PREFIXES)} {rng.choice(INDUSTRIES[industry])}"
    titles_seen.add(title)

    base = slugify(title)
    if len(base) > 70:  # long titles make unwieldy file names; cut at a word
        words = base[:71].split("-")[:-1]
        while words[-1] in SLUG_STOPWORDS:
            words.pop()
        base = "-".join(words)
    slug, n = base, 2
    while slug in slugs_seen:
        slug, n = f"{base}-{n}", n + 1
    slugs_seen.add(slug)

    authors = []
    for _ in range(rng.choices([1, 2, 3], [60, 30, 10])[0]):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        a = {"name": f"{first} {last}"}
        if rng.random() < 0.6:
            a["role"] = rng.choice(ROLES)
        if rng.random() < 0.15:
            a["email"] = f"{first.lower()}.{last.lower()}@example.org"
        if rng.random() < 0.08:
            a["url"] = f"https://example.com/people/{first.lower()}-{last.lower()}"
        authors.append(a)

    status = rng.choices(["published", "in-review", "draft", "archived"], [85, 7, 5, 3])[0]
    year = rng.randint(2016, 2025)
    month = rng.randint(1, 6 if year == 2025 else 12)
    published = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"

    metric_specs = main["metrics"] + [m for t in topics[1:] for m in TOPICS[t]["metrics"]]
    nmet = rng.choices([1, 2, 3, 4, 5], [25, 35, 22, 12, 6])[0] if kind == "case-study" else \
        rng.choices([0, 1, 2], [40, 45, 15])[0]
    seen_names, metrics = set(), []
    for spec in metric_specs:
        if len(metrics) >= nmet:
            break
        if spec[0] not in seen_names and (not metrics or rng.random() < 0.7):
            seen_names.add(spec[0])
            metrics.append(make_metric(rng, spec))
    if kind == "case-study" and not metrics:
        metrics.append(make_metric(rng, main["metrics"][0]))

    tools = rng.sample(TOOLS, rng.choices([0, 1, 2, 3, 4, 5, 6], [5, 20, 30, 22, 12, 7, 4])[0])

    fm = {"title": title, "kind": kind}
    if rng.random() < 0.3:
        fm["slug"] = slug
    fm["example"] = True
    fm["organization"] = org
    fm["industry"] = industry
    fm["company_size"] = size
    fm["regions"] = regions
    fm["topics"] = topics
    fm["authors"] = authors
    if status in ("published", "archived") or rng.random() < 0.3:
        fm["published"] = published
        if rng.random() < 0.2 and year < 2025:
            fm["updated"] = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    fm["status"] = status
    if status in ("published", "archived") or rng.random() < 0.5:
        fm["license"] = rng.choice(LICENSES)
    fm["summary"] = None  # filled below once the context exists
    if metrics:
        fm["metrics"] = metrics
    if tools:
        fm["tools"] = tools
    if rng.random() < 0.12:
        fm["website"] = f"https://example.org/cases/{slug}"

    m1 = metrics[0] if metrics else make_metric(rng, main["metrics"][0])
    m2 = metrics[1] if len(metrics) > 1 else make_metric(rng, main["metrics"][-1])
    c.ctx = {
        "org": org, "team": rng.choice(TEAMS), "stakeholder": rng.choice(STAKEHOLDERS),
        "initiative": rng.choice(main["initiative"]), "problem": rng.choice(main["problem"]),
        "region_name": region_name, "size_people": SIZE_PEOPLE[size], "size_label": SIZE_LABEL[size],
        "tool": tools[0] if tools else "our HR system",
        "tool2": tools[1] if len(tools) > 1 else "a shared spreadsheet", "period": m1["period"],
        "metric": m1["name"], "metric_lc": m1["name"][0].lower() + m1["name"][1:],
        "before": fmt_number(m1["before"]), "after": fmt_number(m1["after"]),
        "unit_words": "per cent" if m1["unit"] == "%" else m1["unit"],
        "target": fmt_number(m1["after"]),
        "metric2": m2["name"], "metric2_lc": m2["name"][0].lower() + m2["name"][1:],
        "before2": fmt_number(m2["before"]), "after2": fmt_number(m2["after"]),
        "unit_words2": "per cent" if m2["unit"] == "%" else m2["unit"],
        "n1": rng.randint(20, 400), "n2": rng.randint(50, 3000), "n3": rng.randint(6, 60),
        "n4": rng.randint(3, 6), "pct1": rng.randint(20, 80), "pct2": rng.randint(10, 95),
        "pct3": rng.randint(30, 60), "weeks": rng.choice([4, 6, 8, 10, 12]),
        "hours": rng.randint(2, 12), "days": rng.randint(2, 10),
        "money": f"{rng.randint(2, 90) * 1000:,}", "field": rng.choice(FIELDS),
    }
    ctx = c.ctx
    ctx["team_cap"] = ctx["team"][0].upper() + ctx["team"][1:]
    ctx["stakeholder_cap"] = ctx["stakeholder"][0].upper() + ctx["stakeholder"][1:]
    ctx["problem_cap"] = ctx["problem"][0].upper() + ctx["problem"][1:]
    ctx["initiative_short"] = ctx["initiative"].split(" ", 1)[-1]

    summary = (f"{org}, {SIZE_PEOPLE[size]} in {industry.replace('-', ' ')}, "
               f"tackled {ctx['problem']} with {ctx['initiative']}.")
    extra = [f" Over {m1['period']}, {ctx['metric_lc']} went from {ctx['before']} to {ctx['after']} {ctx['unit_words']}.",
             f" The case covers the pilot in {region_name}, what {ctx['stakeholder']} thought of it, and what we would change.",
             " We are candid about what did not work, including a first version nobody used.",
             f" Written by {authors[0]['name']} for peers facing the same problem."]
    for sentence in rng.sample(extra, rng.randint(1, len(extra))):
        if len(summary) + len(sentence) <= 700:
            summary += sentence
    fm["summary"] = summary

    c.fm, c.slug, c.title, c.topics = fm, slug, title, topics
    return c


def emit_front_matter(rng, fm):
    out = ["---"]
    if rng.random() < 0.05:
        out.append("# Fictional organisation, generated for benchmarks.")
    for key, val in fm.items():
        if key in ("regions", "topics", "tools"):
            out.append(f"{key}: [{', '.join(flow_item(v) for v in val)}]")
        elif key == "authors":
            out.append("authors:")
            for a in val:
                first = True
                for k, v in a.items():
                    out.append(f"{'  - ' if first else '    '}{k}: {yaml_scalar(v)}")
                    first = False
        elif key == "metrics":
            out.append("metrics:")
            for m in val:
                out.append(f"  - name: {yaml_scalar(m['name'])}")
                out.append(f"    before: {fmt_number(m['before'])}")
                out.append(f"    after: {fmt_number(m['after'])}")
                out.append(f"    unit: {json.dumps(m['unit']) if m['unit'] == '%' else yaml_scalar(m['unit'])}")
                out.append(f"    period: {yaml_scalar(m['period'])}")
        elif key == "summary" and rng.random() < 0.3:
            out.append("summary: >-")
            out.extend("  " + line for line in wrap(val, 78))
        elif isinstance(val, bool):
            out.append(f"{key}: {'true' if val else 'false'}")
        else:
            out.append(f"{key}: {yaml_scalar(val)}")
    out.append("---")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Body
# --------------------------------------------------------------------------

class Deck:
    """Draws templates without repeats until the deck is exhausted."""
    __slots__ = ("rng", "items", "pos")

    def __init__(self, rng, items):
        self.rng, self.items, self.pos = rng, list(items), len(items)

    def draw(self):
        if self.pos >= len(self.items):
            self.rng.shuffle(self.items)
            self.pos = 0
        self.pos += 1
        return self.items[self.pos - 1]


def paragraph(rng, deck, ctx):
    return " ".join(deck.draw().format_map(ctx) for _ in range(rng.randint(2, 6)))


def section_body(rng, name, budget, ctx, links):
    """Blocks (paragraphs, lists, subheadings) until `budget` bytes are used."""
    if name == "Resources":
        return resources(rng, ctx, links)
    deck = Deck(rng, SECTION_TEMPLATES[name])
    subs = list(SUBHEADINGS[name])
    rng.shuffle(subs)
    blocks = [paragraph(rng, deck, ctx)]
    size = len(blocks[0])
    # Lists, code and tables only follow prose (two lists in a row would merge
    # into one), and the numbered plan appears at most once per section.
    after_prose, steps_done, lists_left = True, False, 2
    bullets = Deck(rng, BULLET_ITEMS[name])
    while size < budget:
        r = rng.random() if after_prose else 1.0
        after_prose = False
        if r < 0.12 and subs:
            block = f"### {subs.pop()}\n\n{paragraph(rng, deck, ctx)}"
            after_prose = True
        elif r < 0.27 and lists_left:
            lists_left -= 1
            items = dict.fromkeys(bullets.draw() for _ in range(rng.randint(3, 5)))
            block = "\n".join("- " + i.format_map(ctx) for i in items)
        elif r < 0.33 and name in ("How", "What") and not steps_done:
            steps_done = True
            steps = STEPS[:rng.randint(4, len(STEPS))]
            block = "\n".join(f"{i}. {s.format_map(ctx)}" for i, s in enumerate(steps, 1))
        elif r < 0.35 and name in ("How", "Results"):
            block = ("The query we ran each month was:\n\n```sql\n"
                     f"SELECT team, avg({ctx['field']}) FROM people_events\n"
                     f"WHERE event_date >= date '{2016 + ctx['n4']}-01-01'\nGROUP BY team;\n```")
        elif r < 0.37 and name == "Results":
            block = ("| Metric | Before | After |\n| --- | --- | --- |\n"
                     f"| {ctx['metric']} | {ctx['before']} | {ctx['after']} |\n"
                     f"| {ctx['metric2']} | {ctx['before2']} | {ctx['after2']} |")
        else:
            block = paragraph(rng, deck, ctx)
            after_prose = True
        blocks.append(block)
        size += len(block) + 2
    return "\n\n".join(blocks)


def resources(rng, ctx, links):
    if rng.random() < 0.08:  # allow_empty in the schema: some cases have none
        return None
    items = [f"- [{t}]({s}.md), a related case from this bank" for s, t in links[:rng.randint(1, 3)]]
    for label in rng.sample(RESOURCE_EXTERNAL, rng.randint(1, 3)):
        label = label.format_map(ctx)
        items.append(f"- [{label}](https://example.org/{slugify(ctx['org'])}/{slugify(label)})")
    if rng.random() < 0.3:
        items.append(f"- The `{ctx['field']}` export script is available on request")
    return "\n".join(items)


def make_body(rng, case, target, all_cases):
    sections = KIND_SECTIONS[case.fm["kind"]]
    total_w = sum(SECTION_WEIGHT[s] for s in sections)
    links = []
    for _ in range(3):
        other = all_cases[rng.randrange(len(all_cases))]
        if other is not case:
            links.append((other.slug, other.title))
    if not links:  # a corpus of one links nowhere
        links = [(case.slug, case.title)]
    ctx = case.ctx
    ctx["link1"], ctx["link1_title"] = links[0]
    ctx["link2"], ctx["link2_title"] = links[-1]
    parts = []
    for name in sections:
        body = section_body(rng, name, target * SECTION_WEIGHT[name] / total_w, ctx, links)
        parts.append(f"## {name}\n\n{body}\n" if body else f"## {name}\n")
    return "\n" + "\n".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of cases")
    ap.add_argument("--out", required=True, help="directory for <slug>.md files")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--json-out", help="also write <slug>.json front matter here")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")

    rng = random.Random(args.seed)
    titles, slugs = set(), set()
    cases = [make_front_matter(rng, titles, slugs) for _ in range(args.count)]

    os.makedirs(args.out, exist_ok=True)
    if args.json_out:
        os.makedirs(args.json_out, exist_ok=True)
    total = 0
    for case in cases:
        fm_text = emit_front_matter(rng, case.fm)
        # Sparks are one page; case studies run longer. Both stay in bounds.
        if case.fm["kind"] == "spark":
            target = rng.triangular(MIN_BYTES - 300, 8600, 5400)
        else:
            target = rng.triangular(MIN_BYTES - 300, MAX_BYTES - 1700, 6000)
        target = max(target - len(fm_text), 2500)
        while True:
            text = fm_text + make_body(rng, case, target, cases)
            n = len(text.encode())
            if n > MAX_BYTES:
                target *= 0.9
            elif n < MIN_BYTES:
                target *= 1.1
            else:
                break
        with open(os.path.join(args.out, case.slug + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        if args.json_out:
            with open(os.path.join(args.json_out, case.slug + ".json"), "w", encoding="utf-8") as f:
                json.dump(case.fm, f, ensure_ascii=False, indent=1)
                f.write("\n")
        total += n
    print(f"wrote {len(cases)} cases, {total / 1e6:.1f} MB, to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
