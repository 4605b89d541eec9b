#!/usr/bin/env python3
"""Checks the explanation files (resources/explanations/<id>.json, schema 2) against mpmath.

For every file whose activation has a high-precision definition below, this recomputes, from the
definition alone, each numeric claim (values, derivatives, extremes, bounds, the standard-normal
moments and E[f′(z)²]) and each declared property at the default parameters (monotonic, smoothness,
zero-centred, bounds, saturation at eps = 0.05, dead region, self-normalising), and checks the
shape of the file: the schema 2 fields, bullet counts, successor relations ("next" only when the
successor's year is not earlier than the row's), markup that is not escaped. Derivatives come from
mpmath's numerical differentiation of f, never from a second closed form.

The C++ claims test does the same against the core; this script lets the text be checked before
the core has an activation, and checks the core's own contract from an independent side.

Usage: scripts/check_explanation_claims.py [--dir DIRECTORY] [id ...]
    (default: resources/explanations beside this script, every file that has a definition)
Exit code 0 when everything holds, 1 when something does not (each problem is printed).
"""

import json
import re
import sys
from pathlib import Path

import mpmath
from mpmath import mp, mpf

mp.dps = 50

explanations = Path(__file__).resolve().parent.parent / "resources" / "explanations"
EPSILON = mpf("0.05")  # the saturation threshold the declared "saturates" refers to
ZERO_CENTRED = mpf("0.05")  # |E[f(z)]| at or below this, for z ~ N(0, 1), is zero-centred


def logistic(x):
    return 1 / (1 + mpmath.exp(-x))


def tanh_of_exp(z):
    # tanh(e^z) is 1 to far beyond the working precision once e^z > 60; mpmath would otherwise
    # try to evaluate e^(1e300).
    return mpf(1) if z > 10 else mpmath.tanh(mpmath.exp(z))


def erf_guarded(x):
    # mpmath's series test overflows for astronomically large arguments, where erf is ±1 far beyond
    # the working precision.
    if abs(x) > 1e10:
        return mpf(1) if x > 0 else mpf(-1)
    return mpmath.erf(x)


def softplus(x):
    return max(mpf(0), x) + mpmath.log1p(mpmath.exp(-abs(x)))


SELU_LAMBDA = mpf("1.0507009873554804934193349852946")
SELU_ALPHA = mpf("1.6732632423543772848170429916717")

# id -> (default parameters, f(z, p), breakpoints(p)). Each f is the catalog's definition, written
# piece by piece; the breakpoints are where the pieces meet (the only candidates for kinks).
DEFINITIONS = {
    "identity": ({}, lambda z, p: z, lambda p: []),
    "step": ({}, lambda z, p: mpf(1) if z >= 0 else mpf(0), lambda p: [mpf(0)]),
    "sigmoid": ({}, lambda z, p: logistic(z), lambda p: []),
    "tanh": ({}, lambda z, p: mpmath.tanh(z), lambda p: []),
    "hard_sigmoid": ({}, lambda z, p: min(mpf(1), max(mpf(0), z / 6 + mpf(1) / 2)), lambda p: [mpf(-3), mpf(3)]),
    "hard_tanh": ({}, lambda z, p: min(mpf(1), max(mpf(-1), z)), lambda p: [mpf(-1), mpf(1)]),
    "softsign": ({}, lambda z, p: z / (1 + abs(z)), lambda p: [mpf(0)]),
    "relu": ({}, lambda z, p: max(mpf(0), z), lambda p: [mpf(0)]),
    "relu6": ({}, lambda z, p: min(mpf(6), max(mpf(0), z)), lambda p: [mpf(0), mpf(6)]),
    "leaky_relu": ({"alpha": mpf("0.01")}, lambda z, p: z if z >= 0 else p["alpha"] * z, lambda p: [mpf(0)]),
    "prelu": ({"alpha": mpf("0.25")}, lambda z, p: z if z >= 0 else p["alpha"] * z, lambda p: [mpf(0)]),
    "elu": ({"alpha": mpf(1)}, lambda z, p: z if z > 0 else p["alpha"] * mpmath.expm1(z), lambda p: [mpf(0)]),
    "celu": (
        {"alpha": mpf(1)},
        lambda z, p: max(mpf(0), z) + min(mpf(0), p["alpha"] * mpmath.expm1(z / p["alpha"])),
        lambda p: [mpf(0)],
    ),
    "selu": (
        {"lambda": SELU_LAMBDA, "alpha": SELU_ALPHA},
        lambda z, p: p["lambda"] * (z if z > 0 else p["alpha"] * mpmath.expm1(z)),
        lambda p: [mpf(0)],
    ),
    "softplus": ({"beta": mpf(1)}, lambda z, p: softplus(p["beta"] * z) / p["beta"], lambda p: []),
    "gelu": ({}, lambda z, p: z * (1 + erf_guarded(z / mpmath.sqrt(2))) / 2, lambda p: []),
    "gelu_tanh": (
        {},
        lambda z, p: z / 2 * (1 + mpmath.tanh(mpmath.sqrt(2 / mpmath.pi) * (z + mpf("0.044715") * z ** 3))),
        lambda p: [],
    ),
    "swish": ({"beta": mpf(1)}, lambda z, p: z * logistic(p["beta"] * z), lambda p: []),
    "hard_swish": ({}, lambda z, p: z * min(mpf(6), max(mpf(0), z + 3)) / 6, lambda p: [mpf(-3), mpf(3)]),
    "mish": ({}, lambda z, p: z * mpmath.tanh(softplus(z)), lambda p: []),
    "squareplus": ({"b": mpf(4)}, lambda z, p: (z + mpmath.sqrt(z * z + p["b"])) / 2, lambda p: []),
    "gaussian": ({}, lambda z, p: mpmath.exp(-z * z), lambda p: []),
    "snake": ({"a": mpf(1)}, lambda z, p: z + mpmath.sin(p["a"] * z) ** 2 / p["a"], lambda p: []),
    "hard_shrink": (
        {"lambda": mpf("0.5")},
        lambda z, p: z if abs(z) > p["lambda"] else mpf(0),
        lambda p: [-p["lambda"], p["lambda"]],
    ),
    "soft_shrink": (
        {"lambda": mpf("0.5")},
        lambda z, p: z - p["lambda"] if z > p["lambda"] else (z + p["lambda"] if z < -p["lambda"] else mpf(0)),
        lambda p: [-p["lambda"], p["lambda"]],
    ),
    "tanh_shrink": ({}, lambda z, p: z - mpmath.tanh(z), lambda p: []),
    "log_sigmoid": ({}, lambda z, p: -mpmath.log1p(mpmath.exp(-z)), lambda p: []),
    "rrelu": (
        {"lower": mpf(1) / 8, "upper": mpf(1) / 3},
        lambda z, p: z if z >= 0 else (p["lower"] + p["upper"]) / 2 * z,
        lambda p: [mpf(0)],
    ),
    "threshold": (
        {"threshold": mpf(0), "value": mpf(0)},
        lambda z, p: z if z > p["threshold"] else p["value"],
        lambda p: [p["threshold"]],
    ),
    "exponential": ({}, lambda z, p: mpmath.exp(z), lambda p: []),
    "sparse_plus": (
        {},
        lambda z, p: mpf(0) if z <= -1 else ((z + 1) ** 2 / 4 if z < 1 else z),
        lambda p: [mpf(-1), mpf(1)],
    ),
    "sparse_sigmoid": (
        {},
        lambda z, p: mpf(0) if z <= -1 else ((z + 1) / 2 if z < 1 else mpf(1)),
        lambda p: [mpf(-1), mpf(1)],
    ),
    "relu_squared": ({}, lambda z, p: max(mpf(0), z) ** 2, lambda p: [mpf(0)]),
    "star_relu": (
        {"s": mpf("0.8944271909999159"), "b": mpf("-0.4472135954999579")},
        lambda z, p: p["s"] * max(mpf(0), z) ** 2 + p["b"],
        lambda p: [mpf(0)],
    ),
    "quick_gelu": ({}, lambda z, p: z * logistic(mpf("1.702") * z), lambda p: []),
    "sine": ({"omega": mpf(1)}, lambda z, p: mpmath.sin(p["omega"] * z), lambda p: []),
    "arctan": ({}, lambda z, p: mpmath.atan(z), lambda p: []),
    "isru": ({"alpha": mpf(1)}, lambda z, p: z / mpmath.sqrt(1 + p["alpha"] * z * z), lambda p: []),
    "isrlu": (
        {"alpha": mpf(1)},
        lambda z, p: z if z >= 0 else z / mpmath.sqrt(1 + p["alpha"] * z * z),
        lambda p: [mpf(0)],
    ),
    "bent_identity": ({}, lambda z, p: (mpmath.sqrt(z * z + 1) - 1) / 2 + z, lambda p: []),
    "lisht": ({}, lambda z, p: z * mpmath.tanh(z), lambda p: []),
    "tanhexp": ({}, lambda z, p: z * tanh_of_exp(z), lambda p: []),
    "penalized_tanh": (
        {"a": mpf("0.25")},
        lambda z, p: mpmath.tanh(z) if z > 0 else p["a"] * mpmath.tanh(z),
        lambda p: [mpf(0)],
    ),
}

TEXT_FIELDS = ["formula_html", "derivative_html", "introduced", "problem", "solution", "maths", "practice", "origin"]
CLAIM_KINDS = {"value", "derivative", "second_derivative", "minimum", "maximum", "max_derivative",
               "lower_bound", "upper_bound", "fixed_point", "mean_squared_derivative"}
ALLOWED_TAGS = {"i", "b", "sub", "sup", "br"}


class Activation:
    def __init__(self, act_id, overrides=None):
        defaults, f, breaks = DEFINITIONS[act_id]
        self.p = dict(defaults)
        for name, value in (overrides or {}).items():
            if name not in self.p:
                raise KeyError(f"{act_id} has no parameter {name}")
            self.p[name] = mpf(value)
        self._f = f
        self.breaks = sorted(breaks(self.p))

    def f(self, z):
        return self._f(mpf(z), self.p)

    def derivative(self, z, n):
        if n == 0:
            return self.f(z)
        z = mpf(z)
        # A step far below the distance to the nearest piece boundary keeps the stencil on one piece.
        gap = min([abs(z - b) for b in self.breaks] + [mpf(1)])
        return mpmath.diff(self.f, z, n, h=min(mpf("1e-12"), gap / 100))

    def one_sided(self, b, n, side):
        return self.derivative(b + side * mpf("1e-18"), n)

    def on_a_break(self, z):
        return any(abs(mpf(z) - b) <= mpf("1e-30") * (1 + abs(b)) for b in self.breaks)

    def at_point(self, z, n):
        """f (n = 0), f′ or f″ at z; on a piece boundary the value f(z) the definition gives, and for a
        derivative the common one-sided limit, or None where the two sides differ."""
        if not self.on_a_break(z):
            return self.derivative(z, n)
        if n == 0:
            return self.f(z)
        left, right = self.one_sided(mpf(z), n, -1), self.one_sided(mpf(z), n, +1)
        return left if abs(left - right) <= mpf("1e-12") * (1 + abs(left)) else None

    def expectation(self, g):
        points = [-mpmath.inf] + [b for b in self.breaks] + [mpmath.inf]
        density = lambda z: mpmath.exp(-z * z / 2) / mpmath.sqrt(2 * mpmath.pi)
        return mpmath.quad(lambda z: g(z) * density(z), points)

    def moments(self, scale=mpf(1)):
        mean = self.expectation(lambda z: self.f(scale * z))
        second = self.expectation(lambda z: self.f(scale * z) ** 2)
        return mean, second


def grid():
    """Dense over [−12, 12], plus far points in both tails."""
    z = [mpf(i) / 100 for i in range(-1200, 1201)]
    for far in ["20", "50", "100", "1e3", "1e6", "1e12", "1e100"]:
        z += [mpf(far), -mpf(far)]
    return sorted(z)


def tails(side):
    """Points beyond which a saturated side must stay below eps: a dense stretch and far points."""
    return [side * (50 + mpf(i) / 100) for i in range(0, 1001)] + [side * mpf(x) for x in ["1e3", "1e6", "1e12"]]


def close(actual, expected, tolerance):
    return abs(actual - expected) <= tolerance * (1 + abs(expected))


def declared_properties(act):
    z = grid()
    f = [act.f(x) for x in z]
    d1 = [act.derivative(x, 1) if abs(x) <= 6 and not act.on_a_break(x) else None for x in z]
    monotonic = all(f[i + 1] >= f[i] for i in range(len(f) - 1))
    # Smoothness: the lowest derivative order that jumps at a piece boundary.
    order = None
    for b in act.breaks:
        for n in range(0, 4):
            left, right = act.one_sided(b, n, -1), act.one_sided(b, n, +1)
            if abs(left - right) > mpf("1e-8") * (1 + abs(left)):
                order = n if order is None else min(order, n)
                break
    smoothness = {None: "Cinf", 0: "discontinuous", 1: "C0", 2: "C1", 3: "C2"}[order]
    mean, second = act.moments()
    moderate = max(abs(v) for x, v in zip(z, f) if abs(x) <= 12)
    far_growth = lambda side: side * max(side * act.f(mpf(x)) for x in ["1e12", "-1e12"])
    bounded_above = max(f) <= 1e3 * (1 + moderate) and far_growth(1) <= 1e3 * (1 + moderate)
    bounded_below = min(f) >= -1e3 * (1 + moderate) and -far_growth(-1) <= 1e3 * (1 + moderate)
    saturated = {side: all(abs(act.derivative(x, 1)) < EPSILON for x in tails(side)) for side in (-1, 1)}
    saturates = {(True, True): "both", (True, False): "left", (False, True): "right", (False, False): "none"}[
        (saturated[-1], saturated[1])]
    dead = any(
        all(d is not None and abs(x) <= 6 and d == 0 for x, d in zip(z[i:i + 3], d1[i:i + 3]))
        for i in range(len(z) - 2))
    # Self-normalising: (0, 1) is a fixed point of the mean and variance of the activations, and
    # the map ν ↦ E[f(√ν Z)²] (the next layer's input variance, weights of variance 1/n) is
    # contracting there.
    self_normalising = False
    if abs(mean) < 1e-3 and abs(second - mean * mean - 1) < 1e-3:
        g = lambda nu: act.moments(mpmath.sqrt(nu))[1]
        self_normalising = abs(mpmath.diff(g, 1, h=mpf("1e-6"))) < 1
    return {
        "monotonic": monotonic,
        "smoothness": smoothness,
        "zero_centred": abs(mean) <= ZERO_CENTRED,
        "bounded_below": bounded_below,
        "bounded_above": bounded_above,
        "saturates": saturates,
        "dead_region": dead,
        "self_normalising": self_normalising,
    }, mean


def check_claim(act_id, claim):
    act = Activation(act_id, claim.get("parameters"))
    kind = claim["what"]
    value = mpf(claim["value"])
    tol = mpf(claim.get("tolerance", 1e-4))
    at = claim.get("at")
    sided = f"claim {kind} at z = {at} sits on a kink, where the two one-sided limits differ"
    if kind in ("value", "derivative", "second_derivative"):
        n = {"value": 0, "derivative": 1, "second_derivative": 2}[kind]
        actual = act.at_point(at, n)
        if actual is None:
            return sided
        return None if close(actual, value, tol) else f"{kind} at {at}: text {value}, mpmath {mpmath.nstr(actual, 17)}"
    if kind in ("minimum", "maximum", "max_derivative"):
        n = 1 if kind == "max_derivative" else 0
        sign = -1 if kind == "minimum" else 1
        actual = act.at_point(at, n)
        if actual is None:
            return sided
        if not close(actual, value, tol):
            return f"{kind} at {at}: text {value}, mpmath {mpmath.nstr(actual, 17)}"
        for x in grid():
            # Far out a finite-difference step cannot resolve an oscillating derivative (snake, sine).
            if n == 1 and (act.on_a_break(x) or abs(x) > 1e12):
                continue
            q = act.at_point(x, n)
            if sign * (q - value) > tol * (1 + abs(value)):
                return f"{kind} {value} is exceeded at z = {mpmath.nstr(x, 6)} ({mpmath.nstr(q, 10)})"
        return None
    if kind in ("lower_bound", "upper_bound"):
        values = [act.f(x) for x in grid()] + [act.f(mpf(s) * mpf("1e300")) for s in (-1, 1)]
        extreme = min(values) if kind == "lower_bound" else max(values)
        slack = max(tol, mpf("1e-6")) * (1 + abs(value))
        beyond = extreme < value - slack if kind == "lower_bound" else extreme > value + slack
        if beyond:
            return f"{kind} {value}: the output goes beyond it, to {mpmath.nstr(extreme, 10)}"
        if abs(extreme - value) > slack:
            return f"{kind} {value}: the output never comes near it (closest {mpmath.nstr(extreme, 10)})"
        return None
    if kind == "fixed_point":
        mean, second = act.moments()
        variance = second - mean * mean
        if not close(mean, value, tol) or not close(variance, mpf(claim["variance"]), tol):
            return f"fixed point: text ({value}, {claim['variance']}), mpmath ({mpmath.nstr(mean, 10)}, {mpmath.nstr(variance, 10)})"
        return None
    if kind == "mean_squared_derivative":
        actual = act.expectation(lambda x: act.derivative(x, 1) ** 2)
        return None if close(actual, value, tol) else f"E[f′(z)²]: text {value}, mpmath {mpmath.nstr(actual, 10)}"
    return f"unknown claim kind {kind}"


def year_of(act_id):
    path = explanations / f"{act_id}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("reference", {}).get("year", 0)


def check_shape(act_id, e):
    problems = []
    for field in TEXT_FIELDS:
        if not isinstance(e.get(field), str) or len(e[field].strip()) == 0:
            problems.append(f"field {field} is missing or empty")
    for field, lo, hi in (("strengths", 2, 4), ("weaknesses", 1, 4)):
        bullets = e.get(field)
        if not isinstance(bullets, list) or not lo <= len(bullets) <= hi:
            problems.append(f"{field} needs {lo} to {hi} bullets")
        elif any(not isinstance(b, str) or not b.strip().endswith(".") for b in bullets):
            problems.append(f"every bullet of {field} is a full sentence ending in a full stop")
    if "weakness" in e:
        problems.append("the old schema's field \"weakness\" is still there (schema 2 splits it into "
                        "\"weaknesses\" and \"problem\")")
    if "-" in e.get("formula_html", ""):
        problems.append("formula_html uses a hyphen where a minus sign (U+2212) belongs")
    if "<i>z</i>" not in e.get("formula_html", ""):
        problems.append("formula_html does not typeset z")
    if "′" not in e.get("derivative_html", "") and "∂" not in e.get("derivative_html", ""):
        problems.append("derivative_html writes the derivative with neither a prime ′ nor ∂")
    texts = [v for v in e.values() if isinstance(v, str)] + e.get("strengths", []) + e.get("weaknesses", [])
    texts += [c.get("text", "") for c in e.get("claims", [])]
    for text in texts:
        if "&lt;" in text or "&gt;i" in text:
            if re.search(r"&lt;/?(i|b|sub|sup)&gt;", text):
                problems.append(f"escaped markup in: {text[:60]}")
        for tag in re.findall(r"</?([a-zA-Z]+)[^>]*>", text):
            if tag not in ALLOWED_TAGS:
                problems.append(f"tag <{tag}> is outside the details pane's subset")
        if "..." in text:
            problems.append(f"an ellipsis reads like unfinished text: {text[:60]}")
    own_year = e.get("reference", {}).get("year", 0)
    if own_year and str(own_year) not in e.get("origin", ""):
        problems.append("the origin text does not give the reference year")
    successors = e.get("successors")
    if not isinstance(successors, list) or not successors:
        problems.append("no successors")
    else:
        for s in successors:
            if not isinstance(s, dict) or s.get("relation") not in ("next", "related"):
                problems.append(f"successor {s} needs an id and a relation next|related")
                continue
            if s["id"] == act_id:
                problems.append("an activation cannot succeed itself")
            their_year = year_of(s["id"])
            if their_year is None:
                problems.append(f"successor {s['id']} has no explanation file")
            elif s["relation"] == "next" and their_year < own_year:
                problems.append(f"successor {s['id']} ({their_year}) is labelled next but is not later than {own_year}")
    for c in e.get("claims", []):
        if c.get("what") not in CLAIM_KINDS:
            problems.append(f"unknown claim kind {c.get('what')}")
        if not c.get("text", "").strip():
            problems.append("a claim has no text")
    if not e.get("claims"):
        problems.append("no numeric claim")
    return problems


def main(argv):
    global explanations
    args = argv[1:]
    if args[:1] == ["--dir"] and len(args) >= 2:
        explanations = Path(args[1])
        args = args[2:]
    ids = args or sorted(p.stem for p in explanations.glob("*.json") if p.stem in DEFINITIONS)
    failures = 0
    for act_id in ids:
        if act_id not in DEFINITIONS:
            print(f"{act_id}: no high-precision definition in this script")
            failures += 1
            continue
        e = json.loads((explanations / f"{act_id}.json").read_text(encoding="utf-8"))
        problems = [] if e.get("id") == act_id else [f"the file names the id {e.get('id')}"]
        problems += check_shape(act_id, e)
        computed, mean = declared_properties(Activation(act_id))
        for key, value in computed.items():
            if e.get("declared", {}).get(key) != value:
                problems.append(f"declared {key} = {e.get('declared', {}).get(key)}, but mpmath finds {value}")
        for claim in e.get("claims", []):
            problem = check_claim(act_id, claim)
            if problem:
                problems.append(f"\"{claim.get('text', '')}\": {problem}")
        status = "ok" if not problems else "FAILED"
        print(f"{act_id}: {status} (E[f(z)] = {mpmath.nstr(mean, 4)}, {len(e.get('claims', []))} claims)")
        for p in problems:
            print(f"    {p}")
        failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
