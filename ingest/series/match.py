"""Which figures of one body form series, and the target each is measured against.

A body's observed figures are grouped by unit (a percentage and a count are never one
series) and by what their labels measure (``ingest.series.labels``):

* Labels with the same words are one measure. The wording found at most meetings
  anchors a series; a wording whose words all stand in an anchor's, or that holds all
  of an anchor's, joins the nearest anchor ("999 calls answered" joins "999 calls"),
  with a confidence that falls with the words they do not share.
* A series takes one figure a meeting: the one worded as its anchor before others,
  then the minutes' before an action log's, then the first in the document. When the
  meeting gives other figures so worded, with other values, the point is less sure.
* A series needs figures of two meetings at least.

A target figure (kind TARGET) of the same unit is a series' target when it is worded
as the series, or when it is stated in the one sentence that gives a point of the
series ("... were at 78%, against the national standard of 90%"). The latest stated
is the series' target. A target is a ceiling when its sentence says so ("below 10%",
"reduce to ..."), else a floor.

Every choice is made in the records' own order (date, document, position, wording),
never by ids, so the same figures give the same series however they arrived.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from ingest.keys import name_key
from ingest.series.labels import Measure, closeness, measure_of
from records.enums import MetricKind, MetricUnit

# A series needs figures of this many meetings.
MIN_POINTS: Final = 2
# A label of fewer words ("officers", "children") may name any of several measures.
MIN_WORDS: Final = 2
# Counts, sums and rates of one measure stay within this factor of the series' median:
# "Band D property" at £10 (the rise) and at £4.4m (what it raises) are two measures.
MAGNITUDE: Final = 10.0
# Confidence of a figure worded as the series' label, or with the same words otherwise.
SAME_LABEL: Final = 1.0
SAME_WORDS: Final = 0.9
# Times this when the meeting gives other figures so worded, with other values.
AMBIGUOUS: Final = 0.8
# A target stated in the sentence of one of the series' figures.
SAME_SENTENCE: Final = 0.8
# Words just before a target's number that make it a ceiling ("below 10%", "reduce
# ... to 15%", "no more than 3"), unless the target itself is named between them ("remained
# below the target of 90%" states a floor).
_CEILING: Final = frozenset(
    {"below", "under", "less", "fewer", "maximum", "max", "reduce", "reduced", "reducing"}
    | {"cut", "lower", "exceed", "down"}
)
_CEILING_PAIRS: Final = {("no", "more"), ("at", "most")}
_TARGET_WORDS: Final = frozenset(
    {"target", "targets", "standard", "trajectory", "aim", "ambition", "expectation", "goal"}
)


@dataclass(frozen=True)
class FigureFacts:
    """A figure with what series matching reads: its meeting's date and body, its
    document's rank among the meeting's (the minutes first), and, for targets, the
    sentence it was quoted in."""

    id: int
    meeting_id: int
    date: dt.date
    body: str | None
    body_key: str
    unit: MetricUnit
    kind: MetricKind
    label: str
    value: float
    theme_id: int | None
    theme_code: str | None
    document_id: int
    document_rank: int
    position: int
    span_start: int
    span_end: int
    context: str | None = None

    @property
    def order_key(self) -> tuple[dt.date, int, int, int, str, float]:
        """Its place among figures from what the records say (never from ids)."""
        return (
            self.date,
            self.document_rank,
            self.position,
            self.span_start,
            self.label,
            self.value,
        )

    @property
    def sentence(self) -> tuple[int, int, int]:
        return (self.document_id, self.span_start, self.span_end)


@dataclass(frozen=True)
class PointDraft:
    metric_id: int
    meeting_id: int
    date: dt.date
    value: float
    sequence: int
    confidence: float
    reason: str


@dataclass(frozen=True)
class TargetDraft:
    metric_id: int
    value: float
    at_most: bool
    confidence: float
    reason: str


@dataclass(frozen=True)
class SeriesDraft:
    unit: MetricUnit
    label: str
    label_key: str
    theme_id: int | None
    body: str | None
    body_key: str
    points: tuple[PointDraft, ...]
    target: TargetDraft | None

    @property
    def first_date(self) -> dt.date:
        return self.points[0].date

    @property
    def last_date(self) -> dt.date:
        return self.points[-1].date

    @property
    def latest_value(self) -> float:
        return self.points[-1].value

    @property
    def confidence(self) -> float:
        return min(p.confidence for p in self.points)

    @property
    def meets_target(self) -> bool | None:
        """Whether the latest figure meets the target (None without one)."""
        if self.target is None:
            return None
        if self.target.at_most:
            return self.latest_value <= self.target.value
        return self.latest_value >= self.target.value


@dataclass
class _Wording:
    """The figures of one unit whose labels have the same words."""

    measure: Measure
    figures: list[FigureFacts]

    @property
    def meetings(self) -> int:
        return len({f.meeting_id for f in self.figures})

    @property
    def rank(self) -> tuple[int, int, int, str]:
        """Anchors first: found at most meetings, then most often, then fewest words."""
        return (-self.meetings, -len(self.figures), len(self.measure.words), self.measure.key)


@dataclass
class _Cluster:
    """A series in the making: its anchor wording, its label, and the wordings that
    joined it, each with the share of words it has in common with the anchor's and the
    confidence that gives."""

    place: int
    anchor: _Wording
    label: str
    joined: list[tuple[_Wording, float, float]]


Sentence = tuple[int, int, int]  # a figure's document and span


def series_of(
    figures: Iterable[FigureFacts],
    in_sentence: Mapping[MetricUnit, Counter[Sentence]] | None = None,
) -> list[SeriesDraft]:
    """The series a body's figures form (see the module), by unit and label key.

    ``in_sentence``: the body's observed figures of each unit counted by sentence, when
    ``figures`` are only the ``measures`` of some wordings and the targets that may
    attach to them (a target links by sentence only to a sentence's lone figure)."""
    by_unit: dict[MetricUnit, list[FigureFacts]] = defaultdict(list)
    for figure in figures:
        by_unit[figure.unit].append(figure)
    found: list[SeriesDraft] = []
    for unit in sorted(by_unit):
        counts = in_sentence.get(unit, Counter()) if in_sentence is not None else None
        found += _series_of_unit(unit, by_unit[unit], counts)
    return sorted(found, key=lambda s: (s.unit.value, s.label_key))


def wording_key(label: str) -> tuple[str, frozenset[str]] | None:
    """The key and words of the wording an observed figure so labelled belongs to; None
    when it is too short to name a measure (it joins no series)."""
    measure = measure_of(label)
    if measure is None or len(measure.words) < MIN_WORDS:
        return None
    return measure.key, measure.words


def target_key(label: str) -> str | None:
    """The wording key a target so labelled is matched to a series by."""
    measure = measure_of(label)
    return measure.key if measure is not None else None


def measures(wordings: Mapping[str, frozenset[str]], touched: Iterable[str]) -> set[str]:
    """The wording keys whose series may change with the figures of ``touched`` wordings
    of one unit: every wording linked to them by shared words, however far. A wording
    joins only an anchor it shares words with, so the series of the others stay as they
    are."""
    by_word: dict[str, list[str]] = defaultdict(list)
    for key, words in wordings.items():
        for word in words:
            by_word[word].append(key)
    found = {key for key in touched if key in wordings}
    frontier = list(found)
    while frontier:
        key = frontier.pop()
        for word in wordings[key]:
            for other in by_word[word]:
                if other not in found:
                    found.add(other)
                    frontier.append(other)
    return found


def _series_of_unit(
    unit: MetricUnit, figures: Sequence[FigureFacts], counts: Counter[Sentence] | None = None
) -> list[SeriesDraft]:
    observed = [f for f in figures if f.kind is MetricKind.OBSERVED]
    targets = [f for f in figures if f.kind is MetricKind.TARGET]
    wordings: dict[str, _Wording] = {}
    for figure in observed:
        measure = measure_of(figure.label)
        if measure is not None and len(measure.words) >= MIN_WORDS:
            wordings.setdefault(measure.key, _Wording(measure, [])).figures.append(figure)
    clusters = _clusters(sorted(wordings.values(), key=lambda w: w.rank))
    # Observed figures of each sentence: a target links by sentence to a lone one.
    in_sentence = counts if counts is not None else Counter(f.sentence for f in observed)
    stated = _Targets.of(targets)
    drafts: list[SeriesDraft] = []
    for cluster in clusters:
        points = _points(cluster)
        if len(points) < MIN_POINTS:
            continue
        figures_of = {f.id: f for w in _wordings(cluster) for f in w.figures}
        chosen = [figures_of[p.metric_id] for p in points]
        latest = chosen[-1]
        drafts.append(
            SeriesDraft(
                unit=unit,
                label=cluster.label,
                label_key=cluster.anchor.measure.key,
                theme_id=_theme(chosen),
                body=latest.body,
                body_key=latest.body_key,
                points=tuple(points),
                target=_target(cluster, chosen, stated, in_sentence),
            )
        )
    return drafts


def _clusters(ranked: Sequence[_Wording]) -> list[_Cluster]:
    """Wordings gathered around anchors, in ``ranked`` order: each joins the nearest
    anchor it is close to (the earliest of equally near ones), else anchors a series."""
    clusters: list[_Cluster] = []
    by_word: dict[str, list[_Cluster]] = defaultdict(list)
    for wording in ranked:
        sharing = {c.place: c for word in wording.measure.words for c in by_word[word]}
        near = [
            (share, place, cluster)
            for place, cluster in sharing.items()
            if (share := closeness(wording.measure, cluster.anchor.measure)) is not None
        ]
        if near:
            share, _, cluster = min(near, key=lambda n: (-n[0], n[1]))
            cluster.joined.append((wording, share, round(0.5 + 0.4 * share, 2)))
            continue
        cluster = _Cluster(len(clusters), wording, _label_of(wording), [])
        clusters.append(cluster)
        for word in wording.measure.words:
            by_word[word].append(cluster)
    return clusters


@functools.lru_cache(maxsize=65536)
def _folded(label: str) -> str:
    """A label as written, case and spaces aside."""
    return name_key(label)


def _label_of(wording: _Wording) -> str:
    """The label most of its figures give (as written), the latest's among equals."""
    counts = Counter(_folded(f.label) for f in wording.figures)
    latest: dict[str, tuple[tuple[dt.date, int, int, int, str, float], str]] = {}
    for figure in wording.figures:
        key = _folded(figure.label)
        if key not in latest or figure.order_key > latest[key][0]:
            latest[key] = (figure.order_key, figure.label.strip())
    best = max(counts, key=lambda k: (counts[k], latest[k][0], k))
    return latest[best][1]


def _wordings(cluster: _Cluster) -> list[_Wording]:
    return [cluster.anchor, *(wording for wording, _, _ in cluster.joined)]


def _wording_confidence(cluster: _Cluster, figure: FigureFacts, joined: float | None) -> float:
    """How sure a figure measures what the series does, from its wording alone."""
    if joined is not None:
        confidence = joined
    elif _folded(figure.label) == _folded(cluster.label):
        confidence = SAME_LABEL
    else:
        confidence = SAME_WORDS
    return confidence


def _why(cluster: _Cluster, figure: FigureFacts, share: float | None) -> str:
    label = figure.label.strip()
    if share is None:
        if _folded(figure.label) == _folded(cluster.label):
            why = f'labelled "{label}"'
        else:
            why = f'"{label}": the same words as "{cluster.label}"'
    else:
        why = f'"{label}": {share:.0%} of its words as "{cluster.label}"'
    return why


def _points(cluster: _Cluster) -> list[PointDraft]:
    """One figure a meeting, oldest first (see the module)."""
    candidates: dict[int, list[tuple[float, FigureFacts, float | None]]] = defaultdict(list)
    for figure in cluster.anchor.figures:
        score = _wording_confidence(cluster, figure, None)
        candidates[figure.meeting_id].append((score, figure, None))
    for wording, joined_share, confidence in cluster.joined:
        for figure in wording.figures:
            score = _wording_confidence(cluster, figure, confidence)
            candidates[figure.meeting_id].append((score, figure, joined_share))
    chosen: list[tuple[FigureFacts, float, str]] = []
    for found in candidates.values():
        found.sort(key=lambda c: (-c[0], c[1].order_key[1:]))
        best, figure, share = found[0]
        why = _why(cluster, figure, share)
        others = [f for _, f, _ in found[1:] if f.value != figure.value]
        if others:
            best *= AMBIGUOUS
            why += f"; one of {len(others) + 1} values so worded at the meeting, the first taken"
        chosen.append((figure, round(best, 2), why))
    chosen.sort(key=lambda c: c[0].order_key)
    if cluster.anchor.figures[0].unit is not MetricUnit.PERCENT:
        chosen = _of_one_magnitude(chosen)
    return [
        PointDraft(
            metric_id=figure.id,
            meeting_id=figure.meeting_id,
            date=figure.date,
            value=figure.value,
            sequence=place,
            confidence=confidence,
            reason=why[:500],
        )
        for place, (figure, confidence, why) in enumerate(chosen)
    ]


def _of_one_magnitude(
    chosen: list[tuple[FigureFacts, float, str]],
) -> list[tuple[FigureFacts, float, str]]:
    """The points within ``MAGNITUDE`` of the median value (percentages need no check)."""
    values = sorted(abs(figure.value) for figure, _, _ in chosen)
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    if median == 0:
        return chosen
    return [
        point for point in chosen if median / MAGNITUDE <= abs(point[0].value) <= median * MAGNITUDE
    ]


def _theme(chosen: Sequence[FigureFacts]) -> int | None:
    """The theme most of its points are about, the latest point's among equals."""
    counts = Counter(f.theme_code for f in chosen if f.theme_code)
    if not counts:
        return None
    latest = {f.theme_code: (f.order_key, f.theme_id) for f in chosen if f.theme_code}
    best = max(counts, key=lambda code: (counts[code], latest[code][0], code))
    return latest[best][1]


@dataclass
class _Targets:
    """A unit's target figures by the words of their labels and by their sentences."""

    by_words: dict[str, list[FigureFacts]]
    by_sentence: dict[tuple[int, int, int], list[FigureFacts]]

    @classmethod
    def of(cls, targets: Sequence[FigureFacts]) -> _Targets:
        found = cls(defaultdict(list), defaultdict(list))
        for target in targets:
            if (measure := measure_of(target.label)) is not None:
                found.by_words[measure.key].append(target)
            found.by_sentence[target.sentence].append(target)
        return found


def _target(
    cluster: _Cluster,
    chosen: Sequence[FigureFacts],
    targets: _Targets,
    in_sentence: Counter[Sentence],
) -> TargetDraft | None:
    """The latest target stated for the series: worded as it, or in the sentence of
    one of its figures (that sentence's only observed figure of the unit)."""
    found: dict[int, tuple[FigureFacts, float, str]] = {}
    wordings = [(cluster.anchor, SAME_WORDS), *((w, c) for w, _, c in cluster.joined)]
    for wording, confidence in wordings:
        for target in targets.by_words.get(wording.measure.key, ()):
            found[target.id] = (target, confidence, f'a target worded "{target.label.strip()}"')
    for point in chosen:
        if in_sentence[point.sentence] != 1:
            continue
        why = f"stated in the sentence of the figure of {point.date.isoformat()}"
        for target in targets.by_sentence.get(point.sentence, ()):
            found.setdefault(target.id, (target, SAME_SENTENCE, why))
    if not found:
        return None
    target, confidence, why = max(
        found.values(), key=lambda t: (t[0].date, t[1], tuple(-x for x in t[0].order_key[1:4]))
    )
    at_most = is_ceiling(target.context or "", target.value)
    return TargetDraft(
        metric_id=target.id,
        value=target.value,
        at_most=at_most,
        confidence=confidence,
        reason=why[:500],
    )


def is_ceiling(sentence: str, value: float) -> bool:
    """Whether ``sentence`` states ``value`` as a ceiling: a word of ``_CEILING`` among
    the six before the number, with no word naming the target after it."""
    value = float(value)
    forms = {f"{value:g}"}
    if value.is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    for form in sorted(forms, key=len, reverse=True):
        for found in re.finditer(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", sentence):
            words = re.findall(r"[a-z]+", sentence[: found.start()].lower())[-6:]
            cues = [n for n, word in enumerate(words) if word in _CEILING]
            pairs = enumerate(itertools.pairwise(words), 1)
            cues += [n for n, pair in pairs if pair in _CEILING_PAIRS]
            if cues and not _TARGET_WORDS & set(words[max(cues) + 1 :]):
                return True
    return False
