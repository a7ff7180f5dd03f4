"""Who says what: quotations, reported speech, speakers and the roles people hold.

Quotations are “…”, "…" (the two may be mixed), and ‘…’ or '…' (up to 25 words). A quotation
that is still open at the end of its line runs to the line's end: news prints a quote of
several paragraphs with an opening mark on each and a closing mark on the last only.

A quotation's speaker is, in order:

1. named before it in its sentence with a reporting verb: "Sir Mark said: “…”", "Khan says the
   commissioner has his “full confidence”" (the quotation is then inside the reported clause),
   or "Rowley: ‘…’";
2. named after it: "“…,” a spokesperson said", "“…,” said Sir Mark", "‘…’ charities say";
3. at the start of a line, the speaker introduced by a line ending "…said:", or the speaker of
   a quotation left open on the line before, or of an earlier quotation on the same line;
4. for a whole-line quotation of four words or more, the last speaker of the last few lines.

Reported speech: a reporting verb ("says", "told the BBC", "added that", "insisted", "found",
"revealed", "made clear that") with the clause after it is a statement of its subject; so is
the clause before an inverted attribution ("…, the union warned.") and the subject of a
passive report ("details of messages were unveiled by the watchdog"). Verbs that also take a
plain object ("admitted 14 counts", "denied the charge") report only before "that" or a
quotation; a passive ("was announced by") or an infinitive ("to say") reports nothing, and
"found"/"revealed" only report what a report, an inquiry, a film, an organisation or a person
found.

The speaker is the noun phrase before the verb ("The IOPC said" → "the IOPC"; "watchdog the
Independent Office for Police Conduct (IOPC), which …, said" → "the IOPC"; "London Mayor Sir
Sadiq Khan, who said" → "Sir Sadiq Khan"; "a spokesperson for Mr Khan" stays a spokesperson),
the sentence's subject for "…, saying" or "… and found", the noun phrase after "according
to", or, with no subject at all ("But insists he won't resign"), the speaker of the last two
lines. "He"/"she" are the last person who spoke or was the subject of a sentence (or the one
person a sentence named); "it"/"they" the last organisation that spoke; "the spokesperson" the
spokesperson named a few lines before.

Names: runs of capitalised words, split at words that are not names (titles, places,
institutions, months), with at least two words or a title ("Sir Mark", "Mr Khan"). A short
form is the full name it abbreviates: "Sir Mark" and "Rowley" are "Sir Mark Rowley" when the text
names him so; "Mr", "Ms", "Sgt" and the like are dropped, "Sir", "Dame" and "Lord" kept.

Roles: a title right before a name ("IOPC regional director Sal Naseem", "The IOPC’s Regional
Director, Sal Naseem") or in apposition after it ("Paula Dodds, chairwoman of …") — once per
person per text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from claims.finder.dates import metadata_spans
from claims.finder.sentences import Sentence, sentence_at
from claims.finder.tokens import (
    AUXILIARIES,
    EVIDENCE_VERBS,
    FUNCTION_WORDS,
    MONTHS,
    SPEECH_VERBS,
    WEEKDAYS,
    Token,
    is_acronym,
    strip_possessive,
    tokenize,
)

HONORIFICS = frozenset(
    "sir dame lord lady baroness baron mr mrs ms miss mx dr prof professor rev sgt pc dc ds di "
    "dci insp supt cllr det pcso sen rep gov gen col lt capt maj pres".split()
)
_KEPT_HONORIFICS = frozenset("sir dame lord lady baroness baron".split())

ROLE_HEADS = frozenset(
    """
    director commissioner chief chairman chairwoman chair chairperson leader mayor secretary
    minister spokesperson spokesman spokeswoman president superintendent inspector executive
    head editor governor councillor mp judge coroner constable chancellor headteacher
    principal manager coach captain bishop pastor professor doctor nurse founder owner lawyer
    barrister solicitor campaigner activist scientist economist analyst spokesperson
    """.split()
)
_TITLE_WORDS = ROLE_HEADS | frozenset(
    """
    deputy assistant regional home prime foreign justice general senior national acting
    interim former party shadow independent chief police detective
    """.split()
)
_NOT_NAMES = (
    _TITLE_WORDS
    | FUNCTION_WORDS
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(
        """
        police metropolitan met service office conduct independent station cross street road
        london londoners bbc panorama radio news federation party green labour conservative
        conservatives liberal democrats reform council commission review england wales
        scotland britain british uk city hall westminster west east north south end central
        downing greater unit response islamophobia domestic abuse today live hour woman facebook
        whatsapp instagram twitter getty images image media caption home words pictures main
        written related top our picks sign read download start skip tap leave your already
        meanwhile however earlier later speaking asked pressed having following separately
        instead warning acknowledging according mayor government parliament court crown
        prosecution national crime agency ministry justice department force forces
        one two three four five six seven eight nine ten eleven twelve fourteen twenty
        tell mama said says
        """.split()
    )
)
_NAME_WORD = re.compile(r"(?:Mc|Mac|O’|O'|D’|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]*\.?(?: [A-Z][\w’'\-]*\.?)*")

_PARTICIPLES = frozenset(
    "saying adding insisting calling describing warning explaining admitting accepting "
    "arguing denying stressing revealing showing".split()
)
_TELL = frozenset("tell tells told telling".split())
_TELL_OBJECTS = frozenset(
    "the a an our his her their reporters journalists programme audience listeners viewers "
    "mps parliament committee court jury inquiry bbc".split()
)
_NEEDS_QUOTE = frozenset(
    "call calls called calling describe describes described describing".split()
)
# Verbs that also take a plain object ("admitted 14 counts", "denied the charge"): reported
# speech only before "that" or a quotation.
_NEEDS_THAT = frozenset(
    "understands believes claims claimed predicts predicted concluded concludes detailed "
    "details admit admits admitted deny denies denied".split()
)
_REPORT_NOUNS = frozenset(
    """
    report reports review investigation inquiry watchdog documentary programme footage study
    survey analysis research evidence data figures film panorama documents papers messages
    """.split()
)
_ADVERBS = frozenset("also then now later earlier himself herself itself themselves just".split())
_NP_STOP = (FUNCTION_WORDS - frozenset("the a an of for at from in to".split())) | frozenset(
    "–—".split()
)
_PAST_VERBS = frozenset(
    "took spoke made gave saw went came began found left held brought sent won lost became "
    "heard kept knew led wrote ran broke met put got told said".split()
)
_PERSON_PRONOUNS = frozenset("he she him her".split())
_GROUP_PRONOUNS = frozenset("it they".split())
_OPENERS = "“‘\"'"
_MAKE = frozenset("made makes make making".split())
_PASSIVE_REPORTS = frozenset(
    "revealed unveiled disclosed published uncovered exposed released reported".split()
)
_SUBORDINATORS = frozenset("after that when because as while since before if although".split())
_PASSIVE = frozenset("is are was were be been being am".split())
_ADVERBIAL_STARTS = frozenset(
    "after before when while as since following amid despite in on at citing adding saying "
    "because".split()
)
_SAID = frozenset(
    "said says added adds warned warns claimed insisted insists confirmed confirms announced "
    "explained reported believes believed".split()
)
_DATE_PREPOSITIONS = frozenset("on in at last this next since by during".split())
_TIME_WORDS = frozenset(
    "month year week day morning afternoon evening night today yesterday tonight".split()
)
_PERFECT = frozenset("has have had will would can could may might must should did does".split())
_DASH = re.compile(r"\s[-–—]\s|[–—]")


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    honorific: str  # "Sir", "" when none
    words: tuple[str, ...]  # ("Mark", "Rowley")


@dataclass(frozen=True, slots=True)
class Quotation:
    open: int  # the opening mark
    start: int  # the words, without the marks
    end: int
    closed: bool
    line: int


@dataclass(frozen=True, slots=True)
class Statement:
    """A quotation or a reported clause and who it is attributed to ("" if unknown)."""

    start: int
    end: int
    speaker: str
    direct: bool


@dataclass(frozen=True, slots=True)
class Role:
    start: int
    end: int
    person: str
    title: str  # "regional director"


class Names:
    """The people a text names, and the full name each short form stands for."""

    def __init__(self, text: str) -> None:
        self.found = find_names(text)
        self._by_surname: dict[str, Name] = {}
        self._by_first: dict[str, Name] = {}
        for name in self.found:
            if len(name.words) < 2:
                continue
            for table, key in ((self._by_surname, name.words[-1]), (self._by_first, name.words[0])):
                best = table.get(key)
                if best is None or _fullness(name) > _fullness(best):
                    table[key] = name

    def canonical(self, honorific: str, words: Sequence[str]) -> str:
        """The fullest form of a name in this text: ("Sir", ["Mark"]) → "Sir Mark Rowley"."""
        words = [strip_possessive(w) for w in words]
        best: Name | None = None
        if len(words) >= 2:
            best = self._by_surname.get(words[-1])
            if best is not None and best.words[0] != words[0]:
                best = best if best.words[-len(words) :] == tuple(words) else None
        elif words:
            if honorific.lower() in _KEPT_HONORIFICS:
                best = self._by_first.get(words[0]) or self._by_surname.get(words[0])
            else:
                best = self._by_surname.get(words[0])
        if best is not None:
            return display(best.honorific, best.words)
        return display(honorific, tuple(words))

    def of_name(self, name: Name) -> str:
        return self.canonical(name.honorific, name.words)

    def within(self, start: int, end: int) -> list[Name]:
        return [n for n in self.found if start <= n.start and n.end <= end]


def display(honorific: str, words: Sequence[str]) -> str:
    kept = honorific if honorific.lower() in _KEPT_HONORIFICS else ""
    return " ".join([kept, *words] if kept else words)


def _fullness(name: Name) -> tuple[int, int]:
    return len(name.words), int(name.honorific.lower() in _KEPT_HONORIFICS)


def find_names(text: str) -> list[Name]:
    names: list[Name] = []
    for run in _CAPITALISED_RUN.finditer(text):
        words: list[tuple[str, int, int]] = []
        offset = run.start()
        for word in run.group().split(" "):
            words.append((word, offset, offset + len(word)))
            offset += len(word) + 1
        names.extend(
            # "the White House", "the Commonwealth Fund": institutions, not people
            n
            for n in _names_in_run(words)
            if n.honorific or text[max(0, n.start - 4) : n.start].lower() != "the "
        )
    return names


def _names_in_run(words: list[tuple[str, int, int]]) -> list[Name]:
    names: list[Name] = []
    honorific = ""
    current: list[tuple[str, int, int]] = []
    start = 0

    def flush() -> None:
        nonlocal honorific, current
        if current and (honorific or len(current) >= 2):
            names.append(
                Name(start, current[-1][2], honorific, tuple(w for w, _, _ in current[:4]))
            )
        honorific, current = "", []

    for raw, word_start, _ in words:
        bare = strip_possessive(raw.rstrip("."))
        possessive = bare != raw.rstrip(".")
        if bare.lower() in HONORIFICS and not current:
            flush()
            honorific, start = bare, word_start
            continue
        if bare.lower() in _NOT_NAMES or not _NAME_WORD.fullmatch(bare):
            flush()
            continue
        if not current and not honorific:
            start = word_start
        current.append((bare, word_start, word_start + len(bare)))
        if possessive:
            flush()
    flush()
    return names


def find_quotations(text: str) -> list[Quotation]:
    quotations: list[Quotation] = []
    offset = 0
    line = 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        if raw.strip():
            quotations.extend(_line_quotations(text, start, end, line))
            line += 1
    return quotations


def _line_quotations(text: str, start: int, end: int, line: int) -> list[Quotation]:
    found: list[Quotation] = []
    index = start
    while index < end:
        char = text[index]
        if char == "“" or (char == '"' and _can_open(text, index, start, end)):
            position = index + 1
            close: int | None = None
            while position < end:
                mark = text[position]
                if mark == "”" or (mark == '"' and _can_close(text, position, end)):
                    close = position
                    break
                if mark == "“" or (mark == '"' and _can_open(text, position, start, end)):
                    break  # a new quotation opens: this one was left open
                position += 1
            content_end = close if close is not None else position
            found.append(Quotation(index, index + 1, content_end, close is not None, line))
            index = close + 1 if close is not None else position
            continue
        if char in "‘'" and _can_open(text, index, start, end):
            close = _single_close(text, index + 1, end)
            if close is not None:
                found.append(Quotation(index, index + 1, close, True, line))
                index = close + 1
                continue
        index += 1
    return found


def _can_open(text: str, index: int, line_start: int, line_end: int) -> bool:
    before_ok = index == line_start or text[index - 1].isspace() or text[index - 1] in "([{—–-/:“‘"
    return before_ok and index + 1 < line_end and not text[index + 1].isspace()


def _can_close(text: str, index: int, line_end: int) -> bool:
    if text[index - 1].isspace():
        return False
    return index + 1 >= line_end or text[index + 1].isspace() or text[index + 1] in ".,;:!?)]—–-…”’"


def _single_close(text: str, start: int, end: int) -> int | None:
    words = 0
    for position in range(start, end):
        char = text[position]
        if char.isspace():
            words += 1
            if words > 25:
                return None
        if char in "’'" and not text[position - 1].isspace():
            following = text[position + 1] if position + 1 < end else " "
            if not following.isalnum():
                return position
        if char in '“"':
            return None
    return None


@dataclass
class _Context:
    """What the previous sentences leave behind for pronouns and continued quotations."""

    last_person: str = ""
    last_group: str = ""
    last_speaker: str = ""
    last_speaker_line: int = -10
    pending_line: int = -10  # a line ending "…said:" introduces the next line's quotation
    pending_speaker: str = ""
    # "spokesperson" → ("a spokesperson for Sadiq Khan", line): "the spokesperson" a little later
    heads: dict[str, tuple[str, int]] = field(default_factory=dict)
    line: int = 0


class _Attributor:
    def __init__(self, text: str, sentences: list[Sentence], names: Names) -> None:
        self.text = text
        self.sentences = sentences
        self.names = names
        self.quotations = find_quotations(text)
        self.mask = bytearray(len(text))
        for quotation in self.quotations:
            self.mask[quotation.start : quotation.end] = b"\x01" * (quotation.end - quotation.start)
        self.context = _Context()
        self.metadata = metadata_spans(text)
        self.closers = {q.end for q in self.quotations if q.closed}
        self.quote_speakers: dict[int, str] = {}
        self.statements: list[Statement] = []

    def run(self) -> list[Statement]:
        pending_quotes = sorted(self.quotations, key=lambda q: q.open)
        next_quote = 0
        for sentence in self.sentences:
            tokens = tokenize(self.text, sentence.start, sentence.end)
            self.context.line = sentence.line
            spoken: list[str] = []
            intros: dict[int, str] = {}
            reports = self._reports(sentence, tokens, spoken, intros)
            if not reports and (inverted := self._inverted(sentence, tokens)):
                reports.append(inverted)
                if inverted.speaker:
                    spoken.append(inverted.speaker)
            while (
                next_quote < len(pending_quotes) and pending_quotes[next_quote].open < sentence.end
            ):
                quotation = pending_quotes[next_quote]
                next_quote += 1
                if quotation.open < sentence.start:
                    continue
                speaker = self._quotation_speaker(quotation, sentence, tokens, reports, intros)
                self.quote_speakers[quotation.open] = speaker
                if speaker:
                    spoken.append(speaker)
                self.statements.append(
                    Statement(quotation.start, quotation.end, speaker, direct=True)
                )
            self.statements.extend(reports)
            self._remember(sentence, tokens, spoken)
        self.statements.sort(key=lambda s: (s.start, s.end))
        return self.statements

    # Reported speech

    def _reports(
        self,
        sentence: Sentence,
        tokens: list[Token],
        spoken: list[str],
        intros: dict[int, str],
    ) -> list[Statement]:
        reports: list[Statement] = []
        covered_until = -1
        for index, token in enumerate(tokens):
            if self.mask[token.start]:
                continue
            if token.start < covered_until:
                self._pending_after_clause(sentence, tokens, index, reports)
                continue
            low = token.lower
            if low == "according" and index + 1 < len(tokens) and tokens[index + 1].lower == "to":
                if report := self._according_to(sentence, tokens, index):
                    reports.append(report)
                    spoken.append(report.speaker)
                    covered_until = report.end
                continue
            if (
                low in _PASSIVE_REPORTS
                and index > 0
                and tokens[index - 1].lower in _PASSIVE
                and index + 1 < len(tokens)
                and tokens[index + 1].lower == "by"
            ):
                if report := self._passive(sentence, tokens, index):
                    reports.append(report)
                    if report.speaker:
                        spoken.append(report.speaker)
                continue
            head = index
            if low == "clear" and index > 0 and tokens[index - 1].lower in _MAKE:
                head = index - 1  # "made clear that …"
            elif low not in SPEECH_VERBS and low not in EVIDENCE_VERBS:
                continue
            if token.is_capitalised and index > 0:
                continue  # "Tell Mama": a name, not a verb
            found = self._report(sentence, tokens, index, head)
            if found is None:
                continue
            speaker, clause_start, intro = found
            if intro:
                if speaker:
                    spoken.append(speaker)
                intros[clause_start] = speaker
                rest = self.text[clause_start + 1 : sentence.end]
                if self.text[clause_start] == ":" and not rest.strip():
                    self.context.pending_line = sentence.line
                    self.context.pending_speaker = speaker
                continue
            end = self._clause_end(clause_start, sentence)
            if any(s <= clause_start < e for s, e in self.metadata):
                continue  # "…tells BBC Radio Londonpublished at 13:25 BST": a page's stamp
            if len(self.text[clause_start:end].split()) >= 3:
                if speaker:
                    spoken.append(speaker)
                reports.append(Statement(clause_start, end, speaker, direct=False))
                covered_until = end
        return reports

    def _clause_end(self, start: int, sentence: Sentence) -> int:
        """The sentence's end, or an unpaired dash, a live page's timestamp, a semicolon."""
        end = sentence.end
        for stop_start, _ in self.metadata:
            if start <= stop_start < end:
                end = stop_start
        rest = self.text[start:end]
        semicolon = rest.find(";")
        if semicolon >= 0:
            end = start + semicolon
            rest = rest[:semicolon]
        dashes = [m.start() for m in _DASH.finditer(rest) if not self.mask[start + m.start()]]
        if len(dashes) == 1 and _has_verb(rest[dashes[0] :]):
            end = start + dashes[0]  # "… calls the footage "shocking" - officers can be seen …"
        return _trim_end(self.text, start, end)

    def _inverted(self, sentence: Sentence, tokens: list[Token]) -> Statement | None:
        """Inverted reported speech: "Up to 600 more staff could join, the union warned.",
        the clause before the comma, said by the noun phrase after it."""
        if not tokens or self.mask[tokens[0].start] or tokens[0].text[0] in _OPENERS:
            return None
        for index, token in enumerate(tokens):
            if token.lower not in _SAID or token.is_capitalised or self.mask[token.start]:
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.text not in ",.;!?":
                continue  # "she adds:" introduces a quotation; "says the …" reports one
            comma = next(
                (
                    k
                    for k in range(index - 1, -1, -1)
                    if not tokens[k].is_word and tokens[k].text not in "()’'"
                ),
                None,
            )
            if comma is None or tokens[comma].text != "," or not 0 < index - comma - 1 <= 8:
                continue
            phrase = list(tokens[comma + 1 : index])
            if any(t.lower in SPEECH_VERBS or t.lower in AUXILIARIES for t in phrase):
                continue
            end = _trim_end(self.text, sentence.start, tokens[comma].start)
            rest = [t for t in tokens[index + 1 :] if t.is_word]
            if rest and rest[0].lower not in _ADVERBIAL_STARTS:
                # "Those who circulate rumours …, he says, are “the misogynists …”"
                end = _trim_end(self.text, sentence.start, sentence.end)
            if len(self.text[sentence.start : end].split()) < 4:
                continue
            return Statement(sentence.start, end, self._resolve(phrase), direct=False)
        return None

    def _passive(self, sentence: Sentence, tokens: list[Token], index: int) -> Statement | None:
        """The subject of a passive report, said by its agent: "details of messages … were
        unveiled by the watchdog"."""
        agent: list[Token] = []
        for token in tokens[index + 2 : index + 10]:
            if not token.is_word and token.text not in "’'()":
                break
            if (
                agent
                and not token.is_capitalised
                and (token.lower in _NP_STOP or token.lower in _TIME_WORDS or token.lower == "last")
            ):
                break  # "by the auditor last week"
            agent.append(token)
        position = index - 1
        while position > 0 and tokens[position - 1].lower in _PASSIVE | _PERFECT:
            position -= 1
        end = tokens[position].start
        start_index = 0
        for k in range(position - 1, -1, -1):
            if tokens[k].lower in _SUBORDINATORS:
                start_index = k + 1
                break
        if position - start_index < 3:
            return None
        start = tokens[start_index].start
        return Statement(start, _trim_end(self.text, start, end), self._resolve(agent), False)

    def _pending_after_clause(
        self, sentence: Sentence, tokens: list[Token], index: int, reports: list[Statement]
    ) -> None:
        """A verb ending a reported clause with a colon introduces the next line's quotation:
        "The Met said it was cooperating … and added:"."""
        token = tokens[index]
        if token.lower in SPEECH_VERBS and index + 1 == len(tokens) - 1 and tokens[-1].text == ":":
            self.context.pending_line = sentence.line
            self.context.pending_speaker = reports[-1].speaker if reports else ""

    def _report(
        self, sentence: Sentence, tokens: list[Token], index: int, head: int
    ) -> tuple[str, int, bool] | None:
        """(speaker, where the clause starts, whether the verb only introduces a quotation).

        ``index`` is the verb's last token, ``head`` its first ("made clear").
        """
        low = tokens[index].lower
        previous = tokens[head - 1].lower if head > 0 else ""
        if previous == "to":
            return None  # "to say": an infinitive
        if previous in _PASSIVE:
            return None  # "were found to have", "was announced by": passive
        if low in EVIDENCE_VERBS and head > 0 and previous == "who":
            return None  # "officers who showed support": not a finding
        after = index + 1
        following = tokens[after] if after < len(tokens) else None
        if following is None:
            return None
        rest = self.text[tokens[index].end : sentence.end]
        if low in _NEEDS_QUOTE and rest.split()[:1] != ["for"]:
            # "calls the footage “shocking”", "describes X as “…”": the quotation in this clause
            clause = re.split(r"[,;]", rest, maxsplit=1)[0]
            if not any(c in clause for c in "“\"‘'"):
                return None
        if low in _NEEDS_THAT and following.lower != "that" and following.text not in ':“"':
            return None
        if low.startswith("continu") and following.text not in ':“"':
            return None
        if low in ("added", "adds", "add") and not (
            following.text in ':,“"' or following.lower == "that"
        ):
            return None
        speaker_tokens, np_start = self._speaker_before(tokens, head)
        if low in EVIDENCE_VERBS and not _evidence_subject(speaker_tokens, previous):
            return None
        if _after_quotation(tokens, head) or (
            _after_quotation(tokens, np_start) and _attribution_only(tokens, after)
        ):
            return None  # "“…,” Khan says", "“…,” said Sir Mark": the quotation's attribution
        speaker = self._resolve(speaker_tokens)
        if not speaker_tokens and self.context.last_speaker_line >= sentence.line - 2:
            speaker = self.context.last_speaker  # "But insists he won't resign": the same speaker
        if low in _TELL:
            while after < len(tokens) and _is_tell_object(tokens, after):
                after += 1
        after = _past_adverbial(tokens, after)
        if after >= len(tokens):
            return None
        if tokens[after].text == ":" or tokens[after].text[0] in _OPENERS:
            return speaker, tokens[after].start, True
        if (
            tokens[after].text == ","
            and after + 1 < len(tokens)
            and (tokens[after + 1].text[0] in _OPENERS)
        ):
            return speaker, tokens[after + 1].start, True  # "Naseem also says, “While …”"
        if tokens[after].lower == "that":
            after += 1
        if after >= len(tokens) or (
            not tokens[after].is_word and tokens[after].text[0] not in _OPENERS
        ):
            return None  # "That said, …", "he explains, adding:"
        if tokens[after].text[0] in _OPENERS and self._quote_fills(tokens[after].start, sentence):
            return speaker, tokens[after].start, True
        return speaker, tokens[after].start, False

    def _quote_fills(self, position: int, sentence: Sentence) -> bool:
        for quotation in self.quotations:
            if quotation.open == position:
                return quotation.end >= _trim_end(self.text, position, sentence.end) - 2
        return False

    def _according_to(
        self, sentence: Sentence, tokens: list[Token], index: int
    ) -> Statement | None:
        np_tokens: list[Token] = []
        for token in tokens[index + 2 :]:
            if not token.is_word and token.text not in "’'()":
                break
            np_tokens.append(token)
        speaker = self._resolve(np_tokens)
        if index == 0 or tokens[index - 1].text != ",":
            # "According to the Met, …": the clause follows the comma.
            after = index + 2 + len(np_tokens)
            if after + 1 >= len(tokens):
                return None
            start = tokens[after + 1].start
            return Statement(start, self._clause_end(start, sentence), speaker, False)
        end = _trim_end(self.text, sentence.start, tokens[index - 1].start)
        if end <= sentence.start:
            return None
        return Statement(sentence.start, end, speaker, direct=False)

    def _speaker_before(self, tokens: list[Token], index: int) -> tuple[list[Token], int]:
        """The noun phrase that says or finds, for the verb at ``tokens[index]``."""
        position = index - 1
        while position >= 0 and (
            tokens[position].lower in _ADVERBS
            or tokens[position].lower in _PERFECT
            or (
                tokens[position].lower.endswith("ly")
                and tokens[position].lower.isalpha()
                and not tokens[position].is_capitalised
                and len(tokens[position].lower) > 4
            )
        ):
            position -= 1
        if tokens[index].lower in _PARTICIPLES or (
            position >= 0 and tokens[position].lower in ("and", "but")
        ):
            return _initial_phrase(tokens), 0
        relative = position >= 0 and tokens[position].lower in ("who", "which", "that")
        if relative:
            if tokens[position].lower == "who":
                # "We heard from Zoe Billingham, a former inspector …, who describes": the person.
                people = [n for n in self.names.within(tokens[0].start, tokens[position].start)]
                if people:
                    first = next(k for k, t in enumerate(tokens) if t.start >= people[-1].start)
                    last = next(k for k, t in enumerate(tokens) if t.end >= people[-1].end)
                    return list(tokens[first : last + 1]), first
            position -= 1
            if position >= 0 and tokens[position].text == ",":
                position -= 1
        elif position >= 0 and tokens[position].text == ",":
            earlier = [k for k in range(position) if tokens[k].text == ","]
            if not earlier:
                return [], position + 1
            appositive = tokens[earlier[-1] + 1] if earlier[-1] + 1 < position else None
            if appositive is not None and (
                appositive.lower in ("who", "which") or not appositive.is_capitalised
            ):
                position = earlier[-1] - 1  # "Paula Dodds, chairwoman of …, said"
            elif named := self.names.within(tokens[earlier[-1]].end, tokens[position].start):
                # "The IOPC’s Regional Director, Sal Naseem, describes": the name between.
                first = next(k for k, t in enumerate(tokens) if t.start >= named[-1].start)
                return list(tokens[first:position]), first
            else:
                return [], position + 1
        phrase = self._phrase_back(tokens, position, tight=relative)
        if (
            phrase
            and phrase[0].start > tokens[0].start
            and (before := _index_before(tokens, phrase[0])) is not None
            and tokens[before].lower in ("his", "her", "their", "its")
            and before > 0
            and tokens[before - 1].lower in ("in", "during", "on", "at")
        ):
            # "Rowley in his BBC interview insisted": the subject is before the aside.
            phrase = self._phrase_back(tokens, before - 2, tight=False) or phrase
        while phrase and phrase[0].lower in ("of", "for", "at", "from", "in", "to"):
            phrase.pop(0)
        start = next((k for k, t in enumerate(tokens) if phrase and t is phrase[0]), index)
        return phrase, start

    def _phrase_back(self, tokens: list[Token], position: int, *, tight: bool) -> list[Token]:
        """The noun phrase ending at ``tokens[position]``, read backwards.

        ``tight``: only the words right before (after "which"/"that": "the BBC’s Panorama
        investigation that exposed …").
        """
        phrase: list[Token] = []
        depth = 0
        position = _before_date_adverbial(tokens, position)
        while position >= 0 and len(phrase) < 12:
            token = tokens[position]
            low = token.lower
            if token.text == ")":
                depth += 1
            elif token.text == "(":
                depth -= 1
            elif depth == 0 and (
                (not token.is_word and token.text not in "’'") or token.start in self.closers
            ):
                break
            elif depth == 0 and (
                low in _NP_STOP
                or (not token.is_capitalised and (low in SPEECH_VERBS or low in _PAST_VERBS))
                or (not token.is_capitalised and len(low) > 4 and low.endswith("ed"))
                or (not token.is_capitalised and low in _TIME_WORDS)
                or (tight and (low in FUNCTION_WORDS - {"the", "a", "an"} or low.endswith("ing")))
            ):
                if low in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"we", "i"} and not phrase:
                    phrase.insert(0, token)
                break
            phrase.insert(0, token)
            position -= 1
            if tight and low in ("the", "a", "an"):
                break
        return phrase

    def _resolve(self, phrase: Sequence[Token]) -> str:
        """A speaker's name from the noun phrase that names them."""
        phrase = list(phrase)
        while phrase and phrase[0].lower in ("and", "but", "or", "so", "then", "meanwhile"):
            phrase.pop(0)
        if not phrase:
            return ""
        if len(phrase) == 1 and phrase[0].lower in _PERSON_PRONOUNS:
            return self.context.last_person
        if len(phrase) == 1 and phrase[0].lower in _GROUP_PRONOUNS:
            return self.context.last_group or self.context.last_speaker
        if len(phrase) == 1 and phrase[0].lower in ("we", "i"):
            return self.context.last_speaker
        for k, token in enumerate(phrase[:-2]):
            if token.text == "(" and phrase[k + 2].text == ")" and is_acronym(phrase[k + 1].text):
                return f"the {phrase[k + 1].text}"
        start, end = phrase[0].start, phrase[-1].end
        names = self.names.within(start, end)
        if (
            names
            and names[-1].end >= strip_end(phrase[-1])
            and not any(
                t.lower in ("for", "of", "at", "from", "to") and t.start < names[-1].start
                for t in phrase
            )
        ):
            return self.names.of_name(names[-1])
        if person := self._known_person(phrase):
            return person
        if len(phrase) == 1 and phrase[0].is_capitalised and not is_acronym(phrase[0].text):
            return strip_possessive(phrase[0].text)
        words = self.text[start:end]
        for name in reversed(names):
            words = (
                words[: name.start - start] + self.names.of_name(name) + words[name.end - start :]
            )
        if phrase[0].text in ("The", "A", "An"):
            words = words[0].lower() + words[1:]
        head = strip_possessive(phrase[-1].lower)
        if phrase[0].lower == "the" and head in self.context.heads:
            earlier, line = self.context.heads[head]
            if self.context.line - line <= 6:
                return earlier
        return words

    def _known_person(self, phrase: Sequence[Token]) -> str:
        """One capitalised word in the phrase that is a name the text gives in full:
        "Rowley finishes" → "Sir Mark Rowley"."""
        people = []
        for token in phrase:
            if token.lower in ("for", "of", "at", "from", "to", "with"):
                break  # "a spokesperson for Ford" is not Ford
            if not token.is_capitalised or not token.is_word or token.lower in _NOT_NAMES:
                continue
            full = self.names.canonical("", [token.text])
            if " " in full:
                people.append(full)
        return people[-1] if len(set(people)) == 1 else ""

    # Quotations

    def _quotation_speaker(
        self,
        quotation: Quotation,
        sentence: Sentence,
        tokens: list[Token],
        reports: list[Statement],
        intros: dict[int, str],
    ) -> str:
        for report in reports:
            if report.start <= quotation.open < report.end:
                return report.speaker
        before = [t for t in tokens if t.end <= quotation.open]
        for position, speaker in intros.items():
            if (
                speaker
                and position <= quotation.open
                and not self.text[position : quotation.open].strip(":, ")
            ):
                return speaker
        if before and before[-1].text == ":" and 1 < len(before) <= 6:
            return self._resolve([t for t in before[:-1] if t.is_word or t.text in "’'()"])
        if speaker := self._speaker_after(quotation, sentence):
            return speaker
        line_start = self._at_line_start(quotation)
        context = self.context
        if line_start and context.pending_line == sentence.line - 1 and context.pending_speaker:
            return context.pending_speaker
        previous = self._previous_quotation(quotation)
        opens_sentence = not self.text[sentence.start : quotation.open].strip()
        if previous is not None and (
            (line_start and previous.line == quotation.line - 1 and not previous.closed)
            or (previous.line == quotation.line and opens_sentence)
        ):
            return self.quote_speakers.get(previous.open, "")
        words = len(self.text[quotation.start : quotation.end].split())
        if line_start and words >= 4 and sentence.line - context.last_speaker_line <= 3:
            return context.last_speaker
        return ""

    def _speaker_after(self, quotation: Quotation, sentence: Sentence) -> str:
        if not quotation.closed:
            return ""
        holder = sentence_at(self.sentences, quotation.end)
        end = holder.end if holder is not None else sentence.end
        tokens = tokenize(self.text, quotation.end + 1, end)
        while tokens and tokens[0].text in ",":
            tokens.pop(0)
        if not tokens:
            return ""
        if tokens[0].lower in SPEECH_VERBS:
            phrase: list[Token] = []
            for token in tokens[1:]:
                after_title = token.text == "." and phrase and phrase[-1].lower in HONORIFICS
                if not token.is_word and token.text not in "’'()" and not after_title:
                    break
                phrase.append(token)
            return self._resolve([t for t in phrase[:9] if t.text != "."])
        for k, token in enumerate(tokens[:10]):
            if token.lower in SPEECH_VERBS:
                phrase = tokens[:k]
                if any(not t.is_word and t.text not in "’'()" for t in phrase):
                    return ""
                return self._resolve(phrase)
            if not token.is_word and token.text not in "’'()":
                return ""
        return ""

    def _at_line_start(self, quotation: Quotation) -> bool:
        line_start = self.text.rfind("\n", 0, quotation.open) + 1
        return not self.text[line_start : quotation.open].strip(" •-–—*0123456789.")

    def _previous_quotation(self, quotation: Quotation) -> Quotation | None:
        previous = None
        for other in self.quotations:
            if other.open >= quotation.open:
                break
            previous = other
        return previous

    # Context

    def _remember(self, sentence: Sentence, tokens: list[Token], spoken: list[str]) -> None:
        context = self.context
        # A possessor is not who the sentence is about: "Mr Holloway's predecessor, Tom Baxter".
        people_here = [
            self.names.of_name(n)
            for n in self.names.within(sentence.start, sentence.end)
            if not self.mask[n.start] and self.text[n.end : n.end + 1] not in ("’", "'")
        ]
        person_speakers = [s for s in spoken if s and self._is_person(s)]
        if spoken:
            context.last_speaker = spoken[-1]
            context.last_speaker_line = sentence.line
            if not self._is_person(spoken[-1]):
                context.last_group = spoken[-1]
                head = spoken[-1].split(" for ")[0].split()[-1].lower()
                if not spoken[-1].startswith("the "):
                    context.heads[head] = (spoken[-1], sentence.line)
        if person_speakers:
            context.last_person = person_speakers[-1]
            return
        initial = _initial_phrase(tokens)
        initial_people = [
            self.names.of_name(n)
            for n in (self.names.within(initial[0].start, initial[-1].end) if initial else [])
            if self.text[n.end : n.end + 1] not in ("’", "'")
        ] or ([person] if (person := self._known_person(initial)) else [])
        if initial_people:
            context.last_person = initial_people[-1]
        elif len(set(people_here)) == 1:
            context.last_person = people_here[0]
        elif not people_here and (person := self._known_person(tokens)):
            context.last_person = person
        elif not people_here and len(single := self._single_names(tokens)) == 1:
            context.last_person = single[0]

    def _single_names(self, tokens: list[Token]) -> list[str]:
        """Capitalised words inside a sentence that may be someone's first name: "Rob"."""
        found = []
        for index, token in enumerate(tokens[1:], start=1):
            bare = strip_possessive(token.text)
            if (
                token.is_word
                and _NAME_WORD.fullmatch(bare)
                and bare.lower() not in _NOT_NAMES
                and tokens[index - 1].lower not in ("the", "a", "an")
                and not (index + 1 < len(tokens) and tokens[index + 1].is_capitalised)
                and not tokens[index - 1].is_capitalised
            ):
                found.append(bare)
        return sorted(set(found))

    def _is_person(self, speaker: str) -> bool:
        return any(speaker == self.names.of_name(n) for n in self.names.found) or (
            len(speaker.split()) == 1 and speaker[:1].isupper() and not is_acronym(speaker)
        )


def find_statements(
    text: str, sentences: list[Sentence], *, names: Names | None = None
) -> list[Statement]:
    """Quotations and reported clauses with their speakers, in text order."""
    return _Attributor(text, sentences, names or Names(text)).run()


def find_roles(text: str, names: Names) -> list[Role]:
    """The first title given to each named person."""
    roles: list[Role] = []
    seen: set[str] = set()
    for name in names.found:
        person = names.of_name(name)
        if person in seen:
            continue
        role = _title_before(text, name, person) or _title_after(text, name, person)
        if role is not None:
            seen.add(person)
            roles.append(role)
    return roles


def _title_before(text: str, name: Name, person: str) -> Role | None:
    line_start = text.rfind("\n", 0, name.start) + 1
    tokens = tokenize(text, line_start, name.start)
    if tokens and tokens[-1].text == ",":
        tokens.pop()
    phrase: list[Token] = []
    for token in reversed(tokens):
        bare = token.bare
        if bare in _TITLE_WORDS or (
            token.is_capitalised and bare not in FUNCTION_WORDS and token.is_word
        ):
            phrase.insert(0, token)
            if bare != token.lower:
                break  # "The IOPC’s Regional Director": the possessor ends it
            continue
        break
    words = [t.bare for t in phrase if t.bare in _TITLE_WORDS]
    if not words or phrase[-1].bare not in ROLE_HEADS:
        return None
    first = next(t for t in phrase if t.lower in _TITLE_WORDS)
    return Role(first.start, name.end, person, " ".join(words))


def _title_after(text: str, name: Name, person: str) -> Role | None:
    line_end = text.find("\n", name.end)
    tokens = tokenize(text, name.end, line_end if line_end >= 0 else len(text))
    if len(tokens) < 2 or tokens[0].text != ",":
        return None
    words: list[Token] = []
    for token in tokens[1:6]:
        if token.lower in ("a", "an", "the") and not words:
            continue
        if token.lower in _TITLE_WORDS:
            words.append(token)
            continue
        break
    if not words or words[-1].lower not in ROLE_HEADS:
        return None
    return Role(name.start, words[-1].end, person, " ".join(t.lower for t in words))


def _initial_phrase(tokens: Sequence[Token]) -> list[Token]:
    """The noun phrase a sentence opens with, up to its verb."""
    phrase: list[Token] = []
    for token in tokens:
        low = token.lower
        if not token.is_word and token.text not in "’'()":
            break
        if low in AUXILIARIES or low in SPEECH_VERBS or low in EVIDENCE_VERBS or low in _PAST_VERBS:
            break
        if phrase and not token.is_capitalised and len(low) > 4 and low.endswith("ed"):
            break
        if low in FUNCTION_WORDS and low not in ("the", "a", "an", "of", "for"):
            break
        phrase.append(token)
    return phrase


def _evidence_subject(phrase: Sequence[Token], previous: str) -> bool:
    """Only a report, an inquiry, a film, an organisation or a person finds or reveals."""
    if previous in ("has", "have", "had"):
        return True
    return any(
        t.is_capitalised
        or t.lower in _REPORT_NOUNS
        or t.lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS
        for t in phrase
    )


def _attribution_only(tokens: Sequence[Token], after: int) -> bool:
    """After "“…,” X says": nothing more, or only an adverbial ("on Wednesday")."""
    rest = [t for t in tokens[after:] if t.is_word]
    if len(rest) < 3:
        return True
    return rest[0].lower in (
        "on",
        "in",
        "at",
        "to",
        "after",
        "before",
        "during",
        "when",
        "while",
        "as",
        "adding",
    )


def _past_adverbial(tokens: Sequence[Token], index: int) -> int:
    """Skip "on Tuesday" in "told MPs on Tuesday that …": the clause starts after "that"."""
    for position in range(index, min(index + 5, len(tokens))):
        if tokens[position].lower == "that":
            between = tokens[index:position]
            if between and all(
                t.lower in _DATE_PREPOSITIONS
                or t.lower in _TIME_WORDS
                or t.lower in WEEKDAYS
                or t.lower in MONTHS
                or t.lower in ("earlier", "later", "yesterday", "today")
                or t.text.isdigit()
                for t in between
            ):
                return position
            break
    return index


def _before_date_adverbial(tokens: Sequence[Token], position: int) -> int:
    """Skip "on Wednesday", "last week", "in 2021" at the end of a subject: "Figures released
    by Action Fraud on Wednesday show …"."""
    start = position
    while start >= 0 and (
        tokens[start].lower in WEEKDAYS
        or tokens[start].lower in MONTHS
        or tokens[start].lower in _TIME_WORDS
        or tokens[start].text.isdigit()
    ):
        start -= 1
    if start < position and start >= 0 and tokens[start].lower in _DATE_PREPOSITIONS:
        return start - 1
    return position


def _has_verb(text: str) -> bool:
    """Is there a finite verb in ``text``: an auxiliary, or a past form?"""
    for token in tokenize(text):
        low = token.lower
        if low in AUXILIARIES or low in _PAST_VERBS or low in SPEECH_VERBS:
            return True
        if len(low) > 4 and low.isalpha() and low.endswith("ed"):
            return True
    return False


def _index_before(tokens: Sequence[Token], token: Token) -> int | None:
    for index, other in enumerate(tokens):
        if other is token:
            return index - 1 if index > 0 else None
    return None


def _closes_quote(token: Token) -> bool:
    return token.text in ("”", '"', "’", "'")


def _after_quotation(tokens: Sequence[Token], index: int) -> bool:
    """Does ``tokens[index]`` follow a closing quotation mark (and perhaps a comma)?"""
    position = index - 1
    if position >= 0 and tokens[position].text == ",":
        position -= 1
    return position >= 0 and _closes_quote(tokens[position])


def _is_tell_object(tokens: Sequence[Token], index: int) -> bool:
    token = tokens[index]
    if not token.is_word:
        return False
    if token.lower in ("the", "a", "an", "our", "his", "her", "their"):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return following is not None and (
            following.is_capitalised or following.lower in _TELL_OBJECTS
        )
    if index > 0 and tokens[index - 1].text != tokens[index - 1].bare and tokens[index - 1].is_word:
        return token.lower not in FUNCTION_WORDS  # "Nicky Campbell's phone-in"
    return (
        token.is_capitalised and token.lower not in FUNCTION_WORDS
    ) or token.lower in _TELL_OBJECTS


def strip_end(token: Token) -> int:
    """Where a token ends without its possessive."""
    return token.end - (len(token.text) - len(strip_possessive(token.text)))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end
