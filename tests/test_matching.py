"""Which sentences speak of a claim and which stated values belong to it, on small invented corpora."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.findings.wording import caveat_words
from checker.models import Caveat, CheckResult, Status, Verdict
from checker.pipeline import run_check

Corpus = Callable[..., CheckResult]


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """Write claims and articles into tmp_path and run the check over them."""
    def run(claims: list[dict[str, Any]], articles: dict[str, str], published: str = "2020-06-01") -> CheckResult:
        (tmp_path / "claims").mkdir(exist_ok=True)
        (tmp_path / "articles").mkdir(exist_ok=True)
        (tmp_path / "claims" / "c.yaml").write_text(yaml.safe_dump(claims, sort_keys=False), encoding="utf-8")
        for name, body in articles.items():
            front = f"---\ntitle: {name}\npublished: {published}\n---\n"
            (tmp_path / "articles" / f"{name}.txt").write_text(front + body, encoding="utf-8")
        return run_check(tmp_path / "claims", tmp_path / "articles")
    return run


def mentions(result: CheckResult, claim_id: str) -> list[tuple[str, Any, Verdict]]:
    claim = next(c for c in result.report.claims if c.id == claim_id)
    return [(m.article, m.value.to_json(), m.verdict) for m in claim.mentions]


BUDGET_CLAIMS = [
    {"id": "council-share", "claim": "The council pays £3.2m a year towards the hospice's budget.",
     "subject": "Larkfield Hospice", "kind": "money", "value": "£3.2m", "keywords": ["council will contribute"]},
    {"id": "hospice-budget", "claim": "Larkfield Hospice has an annual budget of £5m.",
     "subject": "Larkfield Hospice", "kind": "money", "value": "£5m", "keywords": ["annual budget"]},
]


def test_two_values_in_one_sentence_go_to_their_own_claims(corpus: Corpus) -> None:
    result = corpus(BUDGET_CLAIMS, {
        "a": "Larkfield Hospice gets new funding\n\nThe council will contribute £3.2m towards the Larkfield Hospice's "
             "annual £5m budget.\n",
    })
    assert mentions(result, "council-share") == [("a", {"amount": 3200000, "currency": "GBP"}, Verdict.AGREES)]
    assert mentions(result, "hospice-budget") == [("a", {"amount": 5000000, "currency": "GBP"}, Verdict.AGREES)]


def test_a_different_figure_elsewhere_is_a_conflict(corpus: Corpus) -> None:
    result = corpus(BUDGET_CLAIMS, {
        "a": "Larkfield Hospice gets new funding\n\nThe council will contribute £3.2m towards the Larkfield Hospice's "
             "annual £5m budget.\n",
        "b": "Hospice cuts\n\nLarkfield Hospice says its annual budget of £4.5m is no longer enough.\n",
    })
    hospice = next(c for c in result.report.claims if c.id == "hospice-budget")
    assert hospice.status is Status.CONFLICTING
    assert ("b", {"amount": 4500000, "currency": "GBP"}, Verdict.CONFLICTS) in mentions(result, "hospice-budget")


TARGET_CLAIMS = [
    {"id": "target-good", "claim": "The academy had to be judged good by Ofsted by June 2019.",
     "subject": "Brook Academy", "kind": "date", "value": "2019-06"},
    {"id": "target-outstanding", "claim": "The academy had to be judged outstanding by Ofsted by June 2021.",
     "subject": "Brook Academy", "kind": "date", "value": "2021-06"},
]


def test_dates_stay_with_the_rating_they_stand_beside(corpus: Corpus) -> None:
    result = corpus(TARGET_CLAIMS, {
        "a": "Brook Academy plan\n\nBrook Academy must be judged 'good' by Ofsted by June 2019 and 'outstanding' "
             "by June 2021, the trust said.\n",
    })
    assert mentions(result, "target-good") == [("a", "2019-06", Verdict.AGREES)]
    assert mentions(result, "target-outstanding") == [("a", "2021-06", Verdict.AGREES)]


STAFF_CLAIM = [{"id": "staff", "claim": "Around 300 staff moved to the Riverside Care Trust when it opened.",
                "subject": "Riverside Care Trust", "kind": "count", "value": 300, "tolerance": "5%",
                "as_of": "2019", "keywords": ["staff", "employees"]}]


def test_a_later_figure_conflicts_with_a_caveat_about_time(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {
        "a": "Trust grows\n\nIts accounts for the year to March 2023 show the Riverside Care Trust "
             "employed 410 staff.\n",
    }, published="2023-09-01")
    claim = next(c for c in result.report.claims if c.id == "staff")
    (mention,) = claim.mentions
    assert (mention.value.to_json(), mention.verdict) == (410, Verdict.CONFLICTS)
    assert mention.time is not None and mention.time.to_json() == "2023-03"
    assert Caveat.OTHER_TIME in mention.caveats


def test_a_hedged_value_within_tolerance_agrees(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {"a": "Trust opens\n\nAbout 310 staff transferred to the Riverside Care Trust.\n"})
    assert mentions(result, "staff") == [("a", 310, Verdict.AGREES)]


def test_numbers_counting_something_else_are_not_taken(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {
        "a": "Trust news\n\nThe Riverside Care Trust archive holds more than 60,000 articles and 120 videos.\n",
    })
    assert mentions(result, "staff") == []


def test_a_sentence_about_another_organisation_is_not_evidence(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {
        "a": "Trusts compared\n\nThe Riverside Care Trust was set up in 2019. Meanwhile 520 staff moved to the "
             "Hillside Health Trust when it opened.\n",
    })
    assert mentions(result, "staff") == []


def test_an_article_that_never_names_the_subject_is_not_evidence(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {"a": "Another trust\n\nAround 520 staff moved to the trust when it opened.\n"})
    assert mentions(result, "staff") == []


def test_a_plain_sentence_claim_without_keywords_or_subject_matches(corpus: Corpus) -> None:
    claims = [{"id": "bridge-opened", "claim": "The Millbrook footbridge opened to the public in March 2016.",
               "kind": "date", "value": "2016-03"}]
    result = corpus(claims, {
        "a": "Bridge anniversary\n\nThe Millbrook footbridge, which opened to the public in April 2016, "
             "is five years old.\n",
    })
    assert mentions(result, "bridge-opened") == [("a", "2016-04", Verdict.CONFLICTS)]


def test_a_year_less_date_takes_the_article_year(corpus: Corpus) -> None:
    claims = [{"id": "handover", "claim": "The Riverside Care Trust hands the service back to the council on "
               "1 September 2022.", "subject": "Riverside Care Trust", "kind": "date", "value": "2022-09-01",
               "keywords": ["hand back", "council control"]}]
    result = corpus(claims, {
        "a": "Handover\n\nOn 1 September, the Riverside Care Trust will hand the service back to council control.\n",
    }, published="2022-07-26")
    assert mentions(result, "handover") == [("a", "2022-09-01", Verdict.AGREES)]


def test_an_unmentioned_claim_is_unconfirmed(corpus: Corpus) -> None:
    result = corpus(STAFF_CLAIM, {"a": "Weather\n\nIt rained in Riverside on Tuesday.\n"})
    assert result.report.claims[0].status is Status.UNCONFIRMED


def test_a_byline_date_stands_in_for_missing_front_matter(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(yaml.safe_dump(STAFF_CLAIM), encoding="utf-8")
    (tmp_path / "articles" / "a.txt").write_text(
        "Trust opens\n\nBy A Reporter\nWednesday, 13th April 2022, 5:17 pm\n\nAround 300 staff joined the "
        "Riverside Care Trust.\n", encoding="utf-8")
    result = run_check(tmp_path / "claims", tmp_path / "articles")
    assert result.articles[0].published == dt.date(2022, 4, 13)


OPENING_CLAIM = [
    {"id": "line-opening", "claim": "The Harwick Line is due to open in 2030.", "subject": "Harwick Line",
     "kind": "date", "value": "2030", "keywords": ["open"]},
]


def test_the_day_something_was_said_is_not_the_date_it_speaks_of(corpus: Corpus) -> None:
    # published on a Monday: "on Monday" is that day, the day of the saying, not of the opening
    result = corpus(OPENING_CLAIM, {
        "a": "Line delayed\n\nThe opening of the Harwick Line has been pushed back to 2031, the operator said on "
             "Monday.\n",
    }, published="2020-06-01")
    assert mentions(result, "line-opening") == [("a", "2031", Verdict.CONFLICTS)]


def test_a_reporting_verb_after_and_does_not_take_the_date_before_it(corpus: Corpus) -> None:
    claims = [{"id": "chief-joined", "claim": "Mira Tanaka joined the Harwick Line company in 2019.",
               "subject": "Mira Tanaka", "kind": "date", "value": "2019", "keywords": ["joined"]}]
    result = corpus(claims, {
        "a": "Profile\n\nMira Tanaka joined the company in 2018 and says the Harwick Line will open on time.\n",
    })
    assert mentions(result, "chief-joined") == [("a", "2018", Verdict.CONFLICTS)]


def test_a_claim_sentence_with_two_dates_is_read_by_its_own_value(corpus: Corpus) -> None:
    # the claim's predicate comes from the phrase its own value is bound to (the landing), not the first date's
    claims = [{"id": "first-landing", "kind": "date", "value": "2026-09", "subject": "Halden mission",
               "claim": "When the Halden mission's lander was unveiled in 2023, its first landing was planned for "
                        "September 2026."}]
    result = corpus(claims, {
        "a": "Lander unveiled\n\nThe Halden mission on Tuesday unveiled its lander, and said the first landing "
             "would come in October 2026.\n",
    }, published="2023-04-12")
    assert mentions(result, "first-landing") == [("a", "2026-10", Verdict.CONFLICTS)]


def test_the_period_of_an_amount_is_not_a_date_of_its_own(corpus: Corpus) -> None:
    claims = [{"id": "scheme-start", "claim": "The Orland Scheme began in 2018.", "subject": "Orland Scheme",
               "kind": "date", "value": "2018", "keywords": ["began"]}]
    result = corpus(claims, {
        "a": "Scheme costs\n\nThe auditors found that spending on the Orland Scheme, which began late, is projected "
             "to reach £9bn from 2016 through 2025, of which £2bn was spent through 2019.\n\n"
             "The Orland Scheme began in 2017.\n",
    })
    assert mentions(result, "scheme-start") == [("a", "2017", Verdict.CONFLICTS)]


DEFICIT_CLAIM = [{"id": "district-deficit", "claim": "Lakemoor School District faces a $105 million deficit.",
                  "subject": "Lakemoor School District", "kind": "money", "value": "$105m", "keywords": ["deficit"]}]


@pytest.mark.parametrize("sentence", [
    # what is added to a total is not the total
    "A teachers' contract signed by Lakemoor School District will add $94 million to the deficit.",
    # a value set off by commas is the noun before it: the reserves, not the deficit
    "Lakemoor School District had to spend its rainy-day fund, $42.2 million, to cover the deficit.",
])
def test_a_value_bound_to_another_role_is_not_the_total(corpus: Corpus, sentence: str) -> None:
    result = corpus(DEFICIT_CLAIM, {"a": f"District finances\n\n{sentence}\n\nThe deficit is $110 million.\n"})
    assert mentions(result, "district-deficit") == [("a", {"amount": 110000000, "currency": "USD"},
                                                     Verdict.CONFLICTS)]


def test_a_date_pushed_back_to_is_the_new_date_of_the_same_thing(corpus: Corpus) -> None:
    claims = [{"id": "line-complete", "subject": "Harwick Line", "kind": "date", "value": "2035",
               "claim": "The second phase of the Harwick Line to Orton and Leyburn is expected to be finished in "
                        "2035."}]
    result = corpus(claims, {
        "a": "Harwick Line costs rise\n\nThe Harwick Line's costs have risen again. The second phase - from Harbury "
             "to Orton and Leyburn - was due to open in 2032, but that has been pushed back to 2035.\n",
    })
    assert mentions(result, "line-complete") == [("a", "2032", Verdict.CONFLICTS), ("a", "2035", Verdict.AGREES)]


def test_a_date_away_from_the_claims_ordinal_is_another_occasion(corpus: Corpus) -> None:
    claims = [{"id": "first-notice", "subject": "Brackley Council", "kind": "date", "value": "2020-11-11",
               "claim": "Brackley Council issued its first section 114 notice on 11 November 2020."}]
    result = corpus(claims, {
        "a": "Second notice\n\nAfter the first section 114 notice issued by Brackley Council on 11 November, when "
             "officials admitted their failures, today's announcement of a notice was a formality.\n",
    }, published="2020-12-02")
    assert mentions(result, "first-notice") == [("a", "2020-11-11", Verdict.AGREES)]


AGENCY_STAFF = [{"id": "agency-staff", "claim": "The Marlow Transit Agency employs 2,400 people.",
                "subject": "Marlow Transit Agency", "kind": "count", "value": 2400, "keywords": ["employees"]}]


@pytest.mark.parametrize("sentence", [
    # a noun as wide as "people" is counted as what the verb says: the claim counts staff
    "The Marlow Transit Agency employs about 2,500 people across the region.",
    # a headcount written as a compound, the body then named by its kind
    "Marlow Transit Agency officials met on Monday. The 2,500-employee agency approved its plan.",
])
def test_a_headcount_is_read_however_the_count_is_worded(corpus: Corpus, sentence: str) -> None:
    result = corpus(AGENCY_STAFF, {"a": f"Agency plans\n\n{sentence}\n"})
    assert mentions(result, "agency-staff") == [("a", 2500, Verdict.CONFLICTS)]


def test_people_the_verb_does_not_employ_are_not_staff(corpus: Corpus) -> None:
    result = corpus(AGENCY_STAFF, {"a": "Agency plans\n\nThe Marlow Transit Agency employees say its trains carry "
                                       "1,500 people an hour.\n"})
    assert mentions(result, "agency-staff") == []


def test_a_phrase_joined_to_its_value_across_what_it_is_of(corpus: Corpus) -> None:
    claims = [{"id": "line-cost", "claim": "The Dunmore Line extension is projected to cost $4.2 billion.",
               "subject": "Dunmore Line", "kind": "money", "value": "$4.2bn", "keywords": ["price tag", "cost"]}]
    result = corpus(claims, {
        "a": "Line costs\n\nThe price tag for the Dunmore Line extension has ballooned to $5.1 billion, "
             "officials said.\n",
    })
    assert mentions(result, "line-cost") == [("a", {"amount": 5100000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_a_count_of_something_else_beside_the_claims_count_is_not_taken(corpus: Corpus) -> None:
    claims = [{"id": "builders", "claim": "About 1,200 engineers worked on the Corran Probe.",
               "subject": "Corran Probe", "kind": "count", "value": 1200, "keywords": ["engineers"]}]
    result = corpus(claims, {"a": "Probe built\n\nRoughly 1,500 engineers in 14 states helped build the Corran "
                                  "Probe.\n"})
    assert mentions(result, "builders") == [("a", 1500, Verdict.CONFLICTS)]


def test_a_launch_is_stated_by_how_reporters_say_it(corpus: Corpus) -> None:
    claims = [{"id": "probe-launch", "claim": "The Corran Probe launched on 3 March 2024.", "subject": "Corran Probe",
               "kind": "date", "value": "2024-03-03", "keywords": ["launch", "lifted off"]}]
    result = corpus(claims, {"a": "Probe flies\n\nThe Corran Probe lifted off on 5 March after two delays.\n"},
                    published="2024-03-06")
    assert mentions(result, "probe-launch") == [("a", "2024-03-05", Verdict.CONFLICTS)]


def test_an_amount_written_before_the_thing_is_what_it_costs_and_only_then(corpus: Corpus) -> None:
    claims = [{"id": "probe-cost", "claim": "The Corran Probe cost $2.1 billion to build.", "subject": "Corran Probe",
               "kind": "money", "value": "$2.1bn", "keywords": ["cost to build", "probe"]}]
    result = corpus(claims, {"a": "Probe flies\n\nThe Corran Probe, a $2.3 billion probe, lifted off on Sunday. "
                                  "Its makers won $40 million for the probe in prizes.\n"})
    claim = next(c for c in result.report.claims if c.id == "probe-cost")
    roles = {m.value.to_json()["amount"]: next((r for r in m.reasons if r.startswith("role:")), None)
             for m in (*claim.mentions, *claim.possible)}
    assert roles[2300000000] == "role: probe (priced, compound)"
    assert roles.get(40000000) is None  # "$40 million for the probe" is no price of it


def test_the_inspectorate_that_rates_a_force_is_neither_a_rival_nor_the_owner(corpus: Corpus) -> None:
    claims = [{"id": "force-rating", "claim": "Halden Police was rated inadequate in its 2019 inspection.",
               "subject": "Halden Police", "kind": "rating", "scale": "hmicfrs", "value": "inadequate",
               "keywords": ["rated", "inspection"]}]
    result = corpus(claims, {
        "a": "Force failing\n\nHalden Police has become the first force to be branded failing by inspectors. It has "
             "been rated inadequate overall by His Majesty's Inspectorate of Constabulary and Fire and Rescue "
             "Services, which inspected it in 2019.\n",
    })
    assert mentions(result, "force-rating") == [("a", "inadequate", Verdict.AGREES)]


def test_a_count_of_those_rated_is_not_the_count_of_all(corpus: Corpus) -> None:
    claims = [{"id": "good-areas", "claim": "Inspectors found Halden Police good in four areas.",
               "subject": "Halden Police", "kind": "count", "value": 4, "keywords": ["areas", "graded"]}]
    result = corpus(claims, {
        "a": "Force improves\n\nInspectors graded Halden Police in eight areas of policing. Halden Police was rated "
             "good in five areas.\n",
    })
    assert mentions(result, "good-areas") == [("a", 5, Verdict.CONFLICTS)]


def test_a_part_and_its_whole_go_to_their_own_claims(corpus: Corpus) -> None:
    claims = [{"id": "closures", "claim": "Lakemoor School District plans to close 20 schools.",
               "subject": "Lakemoor School District", "kind": "count", "value": 20, "keywords": ["close"]},
              {"id": "elementary", "claim": "Lakemoor School District runs 73 schools that serve young children.",
               "subject": "Lakemoor School District", "kind": "count", "value": 73, "keywords": ["serve"]}]
    result = corpus(claims, {"a": "Closures\n\nLakemoor School District plans to close about 22 of the 75 schools "
                                  "that serve young children.\n"})
    assert mentions(result, "closures") == [("a", 22, Verdict.CONFLICTS)]
    assert mentions(result, "elementary") == [("a", 75, Verdict.CONFLICTS)]


def test_a_start_said_of_someone_in_a_post_is_an_appointment(corpus: Corpus) -> None:
    claims = [{"id": "head-start", "claim": "Superintendent Ana Ruiz took over Lakemoor School District in July 2021.",
               "subject": "Lakemoor School District", "kind": "date", "value": "2021-07",
               "keywords": ["superintendent", "took over"]}]
    result = corpus(claims, {"a": "District cuts\n\nLakemoor School District faces cuts. Superintendent Ana Ruiz, who "
                                  "took the helm in August 2021, said the district had no choice.\n"})
    assert mentions(result, "head-start") == [("a", "2021-08", Verdict.CONFLICTS)]


def test_what_a_whole_includes_is_a_part_of_it(corpus: Corpus) -> None:
    claims = [{"id": "cuts", "claim": "Calder State University will eliminate 320 positions.",
               "subject": "Calder State University", "kind": "count", "value": 320,
               "keywords": ["positions", "cuts"]}]
    result = corpus(claims, {"a": "Cuts\n\nCalder State University will eliminate about 300 positions. The cuts, "
                                  "which include 120 layoffs, take effect in July.\n"})
    assert mentions(result, "cuts") == [("a", 300, Verdict.CONFLICTS)]


QUIMBY = [{"id": "quimby-cost", "claim": "The Harriet Quimby Space Telescope cost $9.7 billion.",
           "kind": "money", "value": "$9.7bn", "keywords": ["cost"]}]


def test_a_name_of_several_rare_words_is_shortened_to_its_rarest_once_named(corpus: Corpus, tmp_path: Path) -> None:
    result = corpus(QUIMBY, {"a": "First images\n\nNASA's Harriet Quimby Space Telescope has sent its first "
                                  "images. Quimby cost $10.4 billion to build.\n"})
    assert mentions(result, "quimby-cost") == [("a", {"amount": 10400000000, "currency": "USD"},
                                                Verdict.CONFLICTS)]
    explained = CliRunner().invoke(cli, ["explain", "quimby-cost", "a", "--claims", str(tmp_path / "claims"),
                                         "--articles", str(tmp_path / "articles")])
    assert "refers to the subject: alias" in explained.stdout, explained.stdout  # "Quimby" names it


def test_a_short_name_means_nothing_in_an_article_that_never_names_the_subject(corpus: Corpus) -> None:
    result = corpus(QUIMBY, {"a": "Council news\n\nThe Quimby family trust cost $10.4 billion to build.\n"})
    assert mentions(result, "quimby-cost") == []



def test_what_a_total_changes_by_is_not_the_total(corpus: Corpus) -> None:
    result = corpus(DEFICIT_CLAIM, {"a": "District finances\n\nLakemoor School District officials said the deficit "
                                         "could grow by $6 million if state funding stalls.\n"})
    assert mentions(result, "district-deficit") == []
    claims = [{"id": "deficit-growth", "claim": "Lakemoor School District's deficit grew by $5 million.",
               "subject": "Lakemoor School District", "kind": "money", "value": "$5m", "keywords": ["deficit"]}]
    result = corpus(claims, {"a": "District finances\n\nLakemoor School District's deficit grew by $6 million "
                                  "last year.\n"})
    assert mentions(result, "deficit-growth") == [("a", {"amount": 6000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_who_a_value_goes_to_may_stand_between_the_verb_and_the_value(corpus: Corpus) -> None:
    claims = [{"id": "utility-fine", "claim": "State regulators fined Redstone Power $14 million over the outages.",
               "subject": "Redstone Power", "kind": "money", "value": "$14m"}]
    result = corpus(claims, {"a": "Outages\n\nRedstone Power faces questions. Regulators ordered the company to "
                                  "pay a $15 million penalty for the blackouts.\n"})
    assert mentions(result, "utility-fine") == [("a", {"amount": 15000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_a_chief_executive_since_a_year_took_office_then(corpus: Corpus) -> None:
    claims = [{"id": "ceo-start", "claim": "Redstone Power's chief executive Lena Ortiz took office in 2019.",
               "subject": "Redstone Power", "kind": "date", "value": "2019"}]
    result = corpus(claims, {"a": "Bills\n\nRedstone Power bills will rise. Lena Ortiz, the utility's CEO since "
                                  "2018, said the increase was needed.\n"})
    assert mentions(result, "ceo-start") == [("a", "2018", Verdict.CONFLICTS)]


def test_the_earlier_end_of_a_change_is_a_conflict_about_an_earlier_time(corpus: Corpus) -> None:
    claims = [{"id": "line-cost", "claim": "The Dunmore Line is expected to cost $3.4 billion.",
               "subject": "Dunmore Line", "kind": "money", "value": "$3.4bn", "keywords": ["cost"]}]
    result = corpus(claims, {"a": "Line costs\n\nThe Dunmore Line's cost rose from $2.9 billion to $3.4 billion.\n"})
    claim = next(c for c in result.report.claims if c.id == "line-cost")
    earlier = next(m for m in claim.mentions if m.value.to_json()["amount"] == 2900000000)
    assert (earlier.verdict, earlier.caveats) == (Verdict.CONFLICTS, (Caveat.OTHER_TIME,))
    assert caveat_words(earlier) == "the earlier value of a change"


def test_people_waiting_are_a_waiting_list(corpus: Corpus) -> None:
    claims = [{"id": "waiting", "claim": "Fenmoor NHS Trust's waiting list stands at 7,400 patients.",
               "subject": "Fenmoor NHS Trust", "kind": "count", "value": 7400}]
    result = corpus(claims, {"a": "Trust finances\n\nFenmoor NHS Trust is in the red. About 7,900 people are now "
                                  "waiting for planned treatment at the trust.\n"})
    assert mentions(result, "waiting") == [("a", 7900, Verdict.CONFLICTS)]


def test_a_surplus_is_no_deficit(corpus: Corpus) -> None:
    claims = [{"id": "uni-deficit", "claim": "The University of Harwick reported a deficit of £18.6m.",
               "subject": "University of Harwick", "kind": "money", "value": "£18.6m"}]
    result = corpus(claims, {"a": "Accounts\n\nThe University of Harwick's accounts show a deficit of £19m, compared "
                                  "with a surplus of £2.1m the year before.\n"})
    assert mentions(result, "uni-deficit") == [("a", {"amount": 19000000, "currency": "GBP"}, Verdict.CONFLICTS)]


def test_what_a_sum_is_paid_for_is_not_what_it_is(corpus: Corpus) -> None:
    claims = [{"id": "bonus-fine",
               "claim": "Redstone Power was fined $9 million for paying bonuses during the outages.",
               "subject": "Redstone Power", "kind": "money", "value": "$9m"}]
    result = corpus(claims, {"a": "Penalties\n\nRegulators fined Redstone Power twice this year. First, $3 million "
                                  "for the blackouts. Secondly, $8 million for paying bonuses to executives during "
                                  "the outages, the first time a utility has been fined over bonuses.\n"})
    # "bonuses" is what was paid for, not what the $8 million is: it is the fine
    assert mentions(result, "bonus-fine") == [("a", {"amount": 8000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_a_whole_and_the_part_of_it_go_to_their_own_claims(corpus: Corpus) -> None:
    claims = [{"id": "programme-total", "claim": "Spending on the Harbour Link programme will reach $40 billion.",
               "subject": "Harbour Link programme", "kind": "money", "value": "$40bn",
               "keywords": ["total", "overall spending"]},
              {"id": "tunnel-spent", "claim": "The Harbour Link tunnel has cost $9 billion so far.",
               "subject": "Harbour Link programme", "kind": "money", "value": "$9bn",
               "keywords": ["tunnel", "spent on the tunnel"]}]
    result = corpus(claims, {"a": "Audit\n\nAuditors said overall spending on the Harbour Link programme will reach "
                                  "$41 billion by 2030, of which the tunnel alone accounts for $9.5 billion spent "
                                  "so far.\n"})
    assert mentions(result, "programme-total") == [("a", {"amount": 41000000000, "currency": "USD"},
                                                    Verdict.CONFLICTS)]
    assert mentions(result, "tunnel-spent") == [("a", {"amount": 9500000000, "currency": "USD"}, Verdict.CONFLICTS)]


GRANT_CLAIMS = [
    {"id": "repair-grant", "claim": "An extra £6m was allocated to road repairs in Hallowmere this year.",
     "subject": "Hallowmere Council", "kind": "money", "value": "£6m", "keywords": ["road repairs", "allocated"]},
    {"id": "crew-fund", "claim": "In May the council approved £2.5m of one-off funding to keep crews working.",
     "subject": "Hallowmere Council", "kind": "money", "value": "£2.5m", "keywords": ["one-off funding"]},
]


def test_two_sums_in_two_clauses_go_to_the_claim_whose_words_their_clause_holds(corpus: Corpus) -> None:
    result = corpus(GRANT_CLAIMS, {"a": "Hallowmere Council budget\n\nAn extra £6m has been allocated to road "
                                        "repairs in Hallowmere this year, and in May, the council approved a further "
                                        "£2.4m of one-off funding to \"keep crews working\".\n"})
    assert mentions(result, "repair-grant") == [("a", {"amount": 6000000, "currency": "GBP"}, Verdict.AGREES)]
    assert mentions(result, "crew-fund") == [("a", {"amount": 2400000, "currency": "GBP"}, Verdict.CONFLICTS)]


LTA_START = [{"id": "lta-start", "claim": "The Lakemoor Transit Authority began running the city's buses on "
                                          "October 1, 2014.",
              "subject": "Lakemoor Transit Authority", "kind": "date", "value": "2014-10-01"}]


def test_the_date_of_a_meeting_that_will_consider_a_contract_is_not_the_start(corpus: Corpus) -> None:
    result = corpus(LTA_START, {"a": "Buses\n\nA week today (Wednesday, September 17) the city council will consider "
                                     "the draft contract for the Lakemoor Transit Authority, which will run the "
                                     "buses.\n"}, published="2014-09-10")
    assert mentions(result, "lta-start") == []


def test_a_comma_inside_a_date_does_not_cut_it_from_its_verb(corpus: Corpus) -> None:
    result = corpus(LTA_START, {"b": "Buses\n\nOn Wednesday, Oct. 15, the Lakemoor Transit Authority began running "
                                     "the city's buses.\n"}, published="2014-10-20")
    assert mentions(result, "lta-start") == [("b", "2014-10-15", Verdict.CONFLICTS)]


VANTOR_COST = [{"id": "vantor-cost", "claim": "NASA's review put the cost of the Vantor Probe mission at $2 billion.",
                "subject": "Vantor Probe", "kind": "money", "value": "$2bn", "keywords": ["cost", "price tag"]}]


def test_a_claim_on_the_cost_of_a_mission_takes_a_cost_said_in_other_words(corpus: Corpus) -> None:
    # "mission" alone only prices a value written just before it ("the $2bn mission"); the claim's "cost" says
    # what it is about
    result = corpus(VANTOR_COST, {"a": "Probe review\n\nBringing back the Vantor Probe samples would cost "
                                       "$2.5 billion, NASA said.\n"})
    assert mentions(result, "vantor-cost") == [("a", {"amount": 2500000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_what_a_cost_grows_by_is_not_the_cost(corpus: Corpus) -> None:
    claims = [{"id": "vantor-cost", "claim": "The Vantor Probe's total price tag is $2 billion.",
               "subject": "Vantor Probe", "kind": "money", "value": "$2bn", "keywords": ["total cost", "price tag"]}]
    result = corpus(claims, {"a": "Probe review\n\nThe Vantor Probe will now cost an additional $148 million, "
                                       "with delays adding upward of $215 million to the price tag. The Vantor "
                                       "Probe is now $600 million over its initial 2016 budget. That's $90 million "
                                       "in cost increases for the Vantor Probe.\n"})
    assert mentions(result, "vantor-cost") == []


MEASURES_CLAIM = [{"id": "sm-date", "claim": "Fenwick Valley Hospital Trust was put into special measures on 8 "
                                             "November 2018.",
                   "subject": "Fenwick Valley Hospital Trust", "kind": "date", "value": "2018-11-08"}]


def test_a_possessive_date_dates_its_noun_and_a_letter_is_not_the_fact(corpus: Corpus) -> None:
    result = corpus(MEASURES_CLAIM, {"a": "Inspection\n\nFailings at Fenwick Valley Hospital Trust were identified in "
                                          "today's report on special measures. Earlier this month I wrote to the "
                                          "trust's chair about special measures, the chief inspector said.\n"},
                    published="2018-11-29")
    assert mentions(result, "sm-date") == []


def test_the_initials_of_the_body_a_subject_belongs_to_do_not_name_the_subject(corpus: Corpus) -> None:
    claims = [{"id": "vantor-total", "claim": "NASA's spending on the Vantor program will reach $9 billion.",
               "subject": "NASA Vantor program", "kind": "money", "value": "$9bn", "keywords": ["spending"]}]
    result = corpus(claims, {"a": "Mars budget\n\nNASA is preparing for a budget that could limit spending on its "
                                  "Mars lander to $300 million this year.\n",
                             "b": "Vantor\n\nNASA's spending on Vantor will reach $9.5 billion.\n"})
    assert mentions(result, "vantor-total") == [("b", {"amount": 9500000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_a_party_leaving_a_project_is_its_end_not_the_project_s_other_dates(corpus: Corpus) -> None:
    claims = [{"id": "builder-quit", "claim": "The Greyfield tramway's original contractor walked off the project "
                                              "in 2020.", "subject": "Greyfield tramway", "kind": "date",
               "value": "2020"}]
    result = corpus(claims, {"a": "Trams\n\nMost Greyfield tramway construction started in mid-2017. The Greyfield "
                                  "tramway was originally slated to open in 2022, but work stopped in 2021 when the "
                                  "contractor quit.\n"})
    assert mentions(result, "builder-quit") == [("a", "2021", Verdict.CONFLICTS)]


def test_the_date_of_an_event_that_is_the_claim_s_subject_is_the_subject_s(corpus: Corpus) -> None:
    claims = [{"id": "review-start", "claim": "The Harlow review of maternity care was set up in 2017.",
               "subject": "Harlow review", "kind": "date", "value": "2017"}]
    result = corpus(claims, {"a": "Maternity\n\nThe Harlow review of maternity care was first launched back in "
                                  "2016.\n"})
    assert mentions(result, "review-start") == [("a", "2016", Verdict.CONFLICTS)]


def test_a_count_of_another_noun_is_not_the_claim_s_count(corpus: Corpus) -> None:
    claims = [{"id": "closures", "claim": "Lakemoor School District plans to close about 20 elementary schools.",
               "subject": "Lakemoor School District", "kind": "count", "value": 20,
               "keywords": ["close", "closures", "schools"]}]
    result = corpus(claims, {"a": "Closures\n\nLakemoor School District revealed two proposed options for school "
                                  "closures on Monday. Lakemoor School District would close 21 schools under "
                                  "the first.\n"})
    assert mentions(result, "closures") == [("a", 21, Verdict.CONFLICTS)]


def test_a_sentence_opening_on_another_body_is_about_that_body(corpus: Corpus) -> None:
    claims = [{"id": "trust-rating", "claim": "Inspectors rated Fenwick Valley Schools Trust good in 2024.",
               "subject": "Fenwick Valley Schools Trust", "kind": "rating", "value": "good", "scale": "ofsted"}]
    result = corpus(claims, {"a": "Fenwick Valley Schools Trust\n\nFenwick Valley Schools Trust runs 12 schools. "
                                  "Its results are rising.\n\nOrchard Rise Academy in Fellside has been rated "
                                  "outstanding by Ofsted. Neighbouring Kestrel Hill College was rated inadequate "
                                  "by Ofsted in June. Inspectors rated the trust's own work good.\n"})
    assert mentions(result, "trust-rating") == [("a", "good", Verdict.AGREES)]


def test_a_claim_on_what_a_verb_did_to_a_budget_is_about_the_verb(corpus: Corpus) -> None:
    claims = [{"id": "care-overspend", "claim": "Hallowmere Council's adult care overspent its budget by £3m.",
               "subject": "Hallowmere Council", "kind": "money", "value": "£3m"}]
    result = corpus(claims, {"a": "Hallowmere Council\n\nHallowmere Council reported a £3.5m overspend in adult "
                                  "care, on a budget of £40m.\n"})
    assert mentions(result, "care-overspend") == [("a", {"amount": 3500000, "currency": "GBP"}, Verdict.CONFLICTS)]


def test_what_a_span_runs_until_is_not_its_start_s_role(corpus: Corpus) -> None:
    claims = [{"id": "lta-handback", "claim": "The Lakemoor Transit Authority handed the buses back to the city on "
                                              "1 September 2022.", "subject": "Lakemoor Transit Authority",
               "kind": "date", "value": "2022-09-01", "keywords": ["handover"]}]
    result = corpus(claims, {"a": "Buses\n\nThe Lakemoor Transit Authority will hand the buses back. From April 1 "
                                  "until the handover, the authority will consult staff.\n"}, published="2022-02-01")
    # "the handover" ends the span April 1 begins: the date is when consulting starts
    assert all(value != "2022-04-01" for _, value, _ in mentions(result, "lta-handback"))


def test_a_claim_on_an_event_s_start_takes_the_date_that_opens_on_the_event(corpus: Corpus) -> None:
    claims = [{"id": "consult-start", "claim": "Consultation with staff on bringing the buses back in house was to "
                                               "start on 1 April 2022.", "subject": "Lakemoor Transit Authority",
               "kind": "date", "value": "2022-04-01"}]
    result = corpus(claims, {"a": "Buses\n\nThe Lakemoor Transit Authority will hand the buses back. From April 1, "
                                  "there will be consultation with staff.\n"}, published="2022-02-01")
    assert mentions(result, "consult-start") == [("a", "2022-04-01", Verdict.AGREES)]


def test_a_claim_counting_people_takes_a_count_of_workers(corpus: Corpus) -> None:
    claims = [{"id": "site-workers", "claim": "700 people were working on the Greyfield tramway's construction "
                                              "sites in July.", "subject": "Greyfield tramway", "kind": "count",
               "value": 700, "keywords": ["workers", "construction sites"]}]
    result = corpus(claims, {"a": "Trams\n\nThe Greyfield tramway is half built, with about 650 workers at 60 "
                                  "construction sites along the route.\n"})
    # (the claim's "people" no longer makes it a count of customers, which refused the workers)
    assert ("a", 650, Verdict.CONFLICTS) in mentions(result, "site-workers")


FARE_CLAIMS = [
    {"id": "fare-rise", "claim": "Greyfield Transit fares rise by 10 percent.", "subject": "Greyfield Transit",
     "kind": "percent", "value": 10, "keywords": ["fares", "fare increase"]},
    {"id": "fare-rise-date", "claim": "Greyfield Transit's fare increase takes effect on Jan. 1, 2025.",
     "subject": "Greyfield Transit", "kind": "date", "value": "2025-01-01", "keywords": ["fares", "fare increase"]},
]


def test_a_share_more_is_a_rise_and_its_start_after_a_future_verb_is_to_come(corpus: Corpus) -> None:
    result = corpus(FARE_CLAIMS, {"a": "Greyfield Transit fares\n\nGreyfield Transit runs the city's buses. Riders "
                                       "will pay 12 percent more in fares starting Jan. 1, the region's transit "
                                       "authority reminded passengers Monday, as it wrestles with the rising cost "
                                       "of its Juniper Line extension.\n"}, published="2024-11-04")
    # (the Juniper Line is the authority's own, not another body owning the figures)
    assert mentions(result, "fare-rise") == [("a", 12, Verdict.CONFLICTS)]
    assert mentions(result, "fare-rise-date") == [("a", "2025-01-01", Verdict.AGREES)]


def test_a_claim_on_what_a_whole_included_takes_the_part_and_some_of_those_is_a_part(corpus: Corpus) -> None:
    claims = [{"id": "teacher-layoffs", "claim": "Lakemoor School District's summer layoffs included 430 teachers.",
               "subject": "Lakemoor School District", "kind": "count", "value": 430},
              {"id": "staff-laid-off", "claim": "Lakemoor School District laid off 161 staff in June.",
               "subject": "Lakemoor School District", "kind": "count", "value": 161,
               "keywords": ["laid off", "employees"]}]
    result = corpus(claims, {"a": "Layoffs\n\nLakemoor School District announced 1,400 layoffs, including 432 "
                                  "teachers. Lakemoor School District plans to rehire 750 of those staff.\n"})
    assert mentions(result, "teacher-layoffs") == [("a", 432, Verdict.CONFLICTS)]
    assert all(value != 750 for _, value, _ in mentions(result, "staff-laid-off"))


def test_a_name_whose_last_word_is_written_small_still_names_the_subject(corpus: Corpus) -> None:
    claims = [{"id": "ext-cost", "claim": "The Amber Line Extension was budgeted at $2.3 billion.",
               "subject": "Amber Line Extension", "kind": "money", "value": "$2.3bn",
               "keywords": ["cost estimate", "budget"]}]
    result = corpus(claims, {"a": "Transit\n\nThe Amber Line extension was budgeted at $2.5 billion.\n",
                             "b": "Amber Line Extension\n\nThe Amber Line Extension is late. The authority got a "
                                  "report from the Federal Transit Administration agreeing with the MTA's $2.4 "
                                  "billion estimate for the extension.\n"})
    # in b, "the MTA's" estimate is no rival's, whoever wrote the report
    assert mentions(result, "ext-cost") == [("a", {"amount": 2500000000, "currency": "USD"}, Verdict.CONFLICTS),
                                            ("b", {"amount": 2400000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_some_of_a_whole_is_a_part_unless_the_claim_counts_some_of_it_too(corpus: Corpus) -> None:
    claims = [{"id": "trust-schools", "claim": "Fenwick Valley Schools Trust was running 21 schools.",
               "subject": "Fenwick Valley Schools Trust", "kind": "count", "value": 21, "keywords": ["schools"]},
              {"id": "good-schools", "claim": "Only four of the trust's schools were rated good.",
               "subject": "Fenwick Valley Schools Trust", "kind": "count", "value": 4}]
    result = corpus(claims, {"a": "Fenwick Valley Schools Trust\n\nFenwick Valley Schools Trust is giving up all 21 "
                                  "of its schools. Eleven of the schools run by Fenwick Valley Schools Trust have "
                                  "moved to new sponsors. Five of its schools are rated good by Ofsted.\n"})
    assert mentions(result, "trust-schools") == [("a", 21, Verdict.AGREES)]
    assert ("a", 5, Verdict.CONFLICTS) in mentions(result, "good-schools")


def test_what_is_worth_a_sum_is_the_role_not_worth(corpus: Corpus) -> None:
    claims = [{"id": "ext-grant", "claim": "The federal grant for the Amber Line Extension is worth $1 billion.",
               "subject": "Amber Line Extension", "kind": "money", "value": "$1bn", "keywords": ["federal grant"]}]
    result = corpus(claims, {"a": "Transit\n\nThe Amber Line Extension got a $1.2-billion federal grant. The "
                                  "Amber Line Extension was predicted to cost $2 billion.\n"})
    assert mentions(result, "ext-grant") == [("a", {"amount": 1200000000, "currency": "USD"}, Verdict.CONFLICTS)]


def test_in_consultation_with_is_no_consultation(corpus: Corpus) -> None:
    claims = [{"id": "consult-start", "claim": "Consultation with staff on bringing the buses back in house was to "
                                               "start on 1 April 2022.", "subject": "Lakemoor Transit Authority",
               "kind": "date", "value": "2022-04-01"}]
    result = corpus(claims, {"a": "Buses\n\nThe Lakemoor Transit Authority will run the buses. The chief executive "
                                  "will sign the authority's contract in consultation with the mayor later this "
                                  "month.\n"}, published="2014-09-10")
    assert mentions(result, "consult-start") == []


def test_a_count_followed_by_its_rating_counts_those_rated(corpus: Corpus) -> None:
    claims = [{"id": "trust-schools", "claim": "Fenwick Valley Schools Trust was running 21 schools.",
               "subject": "Fenwick Valley Schools Trust", "kind": "count", "value": 21, "keywords": ["schools"]}]
    result = corpus(claims, {"a": "Fenwick Valley Schools Trust\n\nNine of the 22 schools run by Fenwick Valley "
                                  "Schools Trust have been rated inadequate by Ofsted, and only four are deemed to "
                                  "be good or better.\n"})
    assert mentions(result, "trust-schools") == [("a", 22, Verdict.CONFLICTS)]


def test_a_span_given_to_do_something_is_a_term(corpus: Corpus) -> None:
    claims = [{"id": "trust-term", "claim": "Fenwick Valley Schools Trust's contract with the council was for ten "
                                            "years.", "subject": "Fenwick Valley Schools Trust", "kind": "duration",
               "value": "10 years", "keywords": ["contract", "term"]}]
    result = corpus(claims, {"a": "Fenwick Valley Schools Trust\n\nFenwick Valley Schools Trust, which opened in "
                                  "2016, had been given eight years to turn the schools around.\n"})
    assert mentions(result, "trust-term") == [("a", {"years": 8}, Verdict.CONFLICTS)]
