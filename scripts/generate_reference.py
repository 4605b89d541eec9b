#!/usr/bin/env python3
"""Writes tests/data/reference_<id>.tsv: f, f', f'' of every activation at high precision.

The values come from mpmath at 60 significant digits and are confirmed by a second pass at 100
digits; the analytic derivatives are confirmed against mpmath's own numerical differentiation at
moderate points. The C++ tests read the files; they need neither Python nor mpmath.

File format (tab separated, '#' starts a comment line):
    params  <value>...                  starts a parameter set (values in catalog order)
    z  f_hi f_lo f_cond  d1_hi d1_lo d1_cond  d2_hi d2_lo d2_cond
For each quantity g, hi is the double nearest to g, lo the double nearest to g - hi (so the exact
error of a computed value c is (c - hi) - lo), and cond is |z g'(z) / g(z)|, its condition number.
At a kink the values are the limits from the right, the same convention as the library.

Usage: scripts/generate_reference.py [output directory] [id ...]
(default directory: tests/data beside this script; default ids: all)
"""

import math
import random
import sys
from pathlib import Path

import mpmath
from mpmath import mp, mpf

SELU_LAMBDA = 1.0507009873554804934193349852946
SELU_ALPHA = 1.6732632423543772848170429916717
QUICK_GELU_SCALE = 1.702
STAR_RELU_SCALE = 0.8944271909999159
STAR_RELU_BIAS = -0.4472135954999579


def sech2(x):
    return mpmath.sech(x) ** 2


def logistic(x):
    return 1 / (1 + mpmath.exp(-x))


def erfc(x):
    # mpmath's series test overflows for astronomically large arguments; there the asymptotic
    # expansion is exact far beyond the precision used (and the value is far below any double).
    if x > 1e10:
        return mpmath.exp(-x * x) / (x * mpmath.sqrt(mpmath.pi)) * (1 - 1 / (2 * x * x) + 3 / (4 * x ** 4))
    if x < -1e10:
        return 2 - erfc(-x)
    return mpmath.erfc(x)


def sign(x):
    return 1 if x >= 0 else -1


# Every activation: (kinks, branch). branch(side, p) returns a function z -> (f, f', f'') that is
# analytic and holds on the piece containing `side`; evaluating it slightly off `side` continues
# that piece, which is what the condition number of a one-sided limit needs.

def constant_branch(f, d1=0, d2=0):
    return lambda z: (mpf(f), mpf(d1), mpf(d2))


def identity_branch(side, p):
    return lambda z: (z, mpf(1), mpf(0))


def step_branch(side, p):
    return constant_branch(1 if side >= 0 else 0)


def sigmoid_branch(side, p):
    def g(z):
        d1 = sech2(z / 2) / 4
        return logistic(z), d1, -d1 * mpmath.tanh(z / 2)
    return g


def tanh_branch(side, p):
    def g(z):
        t = mpmath.tanh(z)
        d1 = sech2(z)
        return t, d1, -2 * t * d1
    return g


def hard_sigmoid_branch(side, p):
    if side < -3:
        return constant_branch(0)
    if side < 3:
        return lambda z: ((z + 3) / 6, mpf(1) / 6, mpf(0))
    return constant_branch(1)


def hard_tanh_branch(side, p):
    if side < -1:
        return constant_branch(-1)
    if side < 1:
        return lambda z: (z, mpf(1), mpf(0))
    return constant_branch(1)


def softsign_branch(side, p):
    s = sign(side)

    def g(z):
        q = 1 + s * z
        return z / q, 1 / q ** 2, -2 * s / q ** 3
    return g


def relu_branch(side, p):
    if side < 0:
        return constant_branch(0)
    return lambda z: (z, mpf(1), mpf(0))


def relu6_branch(side, p):
    if side < 0:
        return constant_branch(0)
    if side < 6:
        return lambda z: (z, mpf(1), mpf(0))
    return constant_branch(6)


def leaky_branch(side, p):
    alpha = mpf(p[0])
    if side < 0:
        return lambda z: (alpha * z, alpha, mpf(0))
    return lambda z: (z, mpf(1), mpf(0))


def elu_branch(side, p):
    alpha = mpf(p[0])
    if side < 0:
        return lambda z: (alpha * mpmath.expm1(z), alpha * mpmath.exp(z), alpha * mpmath.exp(z))
    return lambda z: (z, mpf(1), mpf(0))


def celu_branch(side, p):
    alpha = mpf(p[0])
    if side < 0:
        return lambda z: (alpha * mpmath.expm1(z / alpha), mpmath.exp(z / alpha), mpmath.exp(z / alpha) / alpha)
    return lambda z: (z, mpf(1), mpf(0))


def selu_branch(side, p):
    lam, alpha = mpf(p[0]), mpf(p[1])
    if side < 0:
        return lambda z: (lam * alpha * mpmath.expm1(z), lam * alpha * mpmath.exp(z), lam * alpha * mpmath.exp(z))
    return lambda z: (lam * z, lam, mpf(0))


def softplus_branch(side, p):
    beta = mpf(p[0])

    def g(z):
        x = beta * z
        return mpmath.log1p(mpmath.exp(x)) / beta, logistic(x), beta * sech2(x / 2) / 4
    return g


def gelu_branch(side, p):
    def g(z):
        cdf = erfc(-z / mpmath.sqrt(2)) / 2
        pdf = mpmath.exp(-z * z / 2) / mpmath.sqrt(2 * mpmath.pi)
        return z * cdf, cdf + z * pdf, pdf * (2 - z * z)
    return g


def gelu_tanh_branch(side, p):
    c = mpmath.sqrt(2 / mpmath.pi)
    k = mpf('0.044715')

    def g(z):
        u = c * (z + k * z ** 3)
        du = c * (1 + 3 * k * z ** 2)
        ddu = 6 * c * k * z
        t = mpmath.tanh(u)
        s2 = sech2(u)
        # (1 + tanh u)/2 = σ(2u) keeps the negative tail exact; the derivatives are taken in the
        # tanh form.
        return (z * logistic(2 * u), logistic(2 * u) + z / 2 * s2 * du,
                s2 * du + z / 2 * (s2 * ddu - 2 * t * s2 * du ** 2))
    return g


def swish_branch(side, p):
    beta = mpf(p[0])

    def g(z):
        x = beta * z
        s = logistic(x)
        st = sech2(x / 2) / 4
        return z * s, s + x * st, beta * st * (2 - x * mpmath.tanh(x / 2))
    return g


def hard_swish_branch(side, p):
    if side < -3:
        return constant_branch(0)
    if side < 3:
        return lambda z: (z * (z + 3) / 6, (2 * z + 3) / 6, mpf(1) / 3)
    return lambda z: (z, mpf(1), mpf(0))


def mish_branch(side, p):
    def g(z):
        sp = mpmath.log1p(mpmath.exp(z))
        t = mpmath.tanh(sp)
        s2 = sech2(sp)
        sig = logistic(z)
        dt = s2 * sig
        # d/dz [sech²(sp) σ] = −2 tanh(sp) sech²(sp) σ² + sech²(sp) σ (1 − σ)
        ddt = -2 * t * s2 * sig ** 2 + s2 * sig * logistic(-z)
        return z * t, t + z * dt, 2 * dt + z * ddt
    return g


def squareplus_branch(side, p):
    b = mpf(p[0])
    if b == 0:
        return relu_branch(side, p)

    def g(z):
        r = mpmath.sqrt(z * z + b)
        if z < 0:
            f = b / (2 * (r - z))
            d1 = b / (2 * r * (r - z))
        else:
            f = (z + r) / 2
            d1 = (1 + z / r) / 2
        return f, d1, b / (2 * r ** 3)
    return g


def gaussian_branch(side, p):
    def g(z):
        f = mpmath.exp(-z * z)
        return f, -2 * z * f, (4 * z * z - 2) * f
    return g


def snake_branch(side, p):
    a = mpf(p[0])

    def g(z):
        s = mpmath.sin(a * z)
        c = mpmath.cos(a * z)
        # 1 + sin 2u = (sin u + cos u)² keeps full precision near the zeros of f'.
        return z + s * s / a, (s + c) ** 2, 2 * a * mpmath.cos(2 * a * z)
    return g


def hard_shrink_branch(side, p):
    lam = mpf(p[0])
    if side >= lam or side < -lam:
        return lambda z: (z, mpf(1), mpf(0))
    return constant_branch(0)


def soft_shrink_branch(side, p):
    lam = mpf(p[0])
    if side >= lam:
        return lambda z: (z - lam, mpf(1), mpf(0))
    if side < -lam:
        return lambda z: (z + lam, mpf(1), mpf(0))
    return constant_branch(0)


def tanh_shrink_branch(side, p):
    def g(z):
        # z − tanh z ≈ z³/3 cancels about 2·|log10 z| digits: work with that many more.
        extra = 2 * max(0, int(-mpmath.log10(abs(z)))) + 10 if z != 0 else 0
        with mp.workdps(mp.dps + extra):
            f = +(z - mpmath.tanh(z))
        t = mpmath.tanh(z)
        return +f, t * t, 2 * t * sech2(z)
    return g


def log_sigmoid_branch(side, p):
    def g(z):
        # ln σ(z) = −ln(1 + e^(−z)); σ(−z) and −σ(z)σ(−z) from the symmetric forms.
        return -mpmath.log1p(mpmath.exp(-z)), logistic(-z), -sech2(z / 2) / 4
    return g


def rrelu_branch(side, p):
    slope = (mpf(p[0]) + mpf(p[1])) / 2
    if side < 0:
        return lambda z: (slope * z, slope, mpf(0))
    return lambda z: (z, mpf(1), mpf(0))


def threshold_branch(side, p):
    t, v = mpf(p[0]), mpf(p[1])
    if side >= t:
        return lambda z: (z, mpf(1), mpf(0))
    return constant_branch(v)


def exponential_branch(side, p):
    def g(z):
        e = mpmath.exp(z)
        return e, e, e
    return g


def sparse_plus_branch(side, p):
    if side < -1:
        return constant_branch(0)
    if side < 1:
        return lambda z: ((z + 1) ** 2 / 4, (z + 1) / 2, mpf(1) / 2)
    return lambda z: (z, mpf(1), mpf(0))


def sparse_sigmoid_branch(side, p):
    if side < -1:
        return constant_branch(0)
    if side < 1:
        return lambda z: ((z + 1) / 2, mpf(1) / 2, mpf(0))
    return constant_branch(1)


def relu_squared_branch(side, p):
    if side < 0:
        return constant_branch(0)
    return lambda z: (z * z, 2 * z, mpf(2))


def star_relu_branch(side, p):
    s, b = mpf(p[0]), mpf(p[1])
    if side < 0:
        return constant_branch(b)
    return lambda z: (s * z * z + b, 2 * s * z, 2 * s)


def quick_gelu_branch(side, p):
    return swish_branch(side, [QUICK_GELU_SCALE])


def sine_branch(side, p):
    w = mpf(p[0])

    def g(z):
        s = mpmath.sin(w * z)
        return s, w * mpmath.cos(w * z), -w * w * s
    return g


def arctan_branch(side, p):
    def g(z):
        q = 1 + z * z
        return mpmath.atan(z), 1 / q, -2 * z / q ** 2
    return g


def isru_branch(side, p):
    alpha = mpf(p[0])

    def g(z):
        q = 1 + alpha * z * z
        r = 1 / mpmath.sqrt(q)
        return z * r, r ** 3, -3 * alpha * z * r ** 5
    return g


def isrlu_branch(side, p):
    if side >= 0:
        return lambda z: (z, mpf(1), mpf(0))
    return isru_branch(side, p)


def bent_identity_branch(side, p):
    def g(z):
        # sqrt(z² + 1) − 1 ≈ z²/2 cancels about 2·|log10 z| digits: work with that many more.
        extra = 2 * max(0, int(-mpmath.log10(abs(z)))) + 10 if z != 0 else 0
        with mp.workdps(mp.dps + extra):
            f = +((mpmath.sqrt(z * z + 1) - 1) / 2 + z)
        h = mpmath.sqrt(z * z + 1)
        return +f, z / (2 * h) + 1, 1 / (2 * h ** 3)
    return g


def lisht_branch(side, p):
    def g(z):
        t = mpmath.tanh(z)
        s2 = sech2(z)
        return z * t, t + z * s2, 2 * s2 - 2 * z * t * s2
    return g


def tanhexp_branch(side, p):
    def g(z):
        # Past z = 40, tanh(e^z) = 1 and sech²(e^z) < exp(-4e17): far below any double, and e^z
        # itself is too large for mpmath to take tanh of once z reaches the hundreds.
        if z > 40:
            return z, mpf(1), mpf(0)
        e = mpmath.exp(z)
        t = mpmath.tanh(e)
        s2 = sech2(e)
        dg = e * s2
        ddg = dg * (1 - 2 * e * t)
        return z * t, t + z * dg, 2 * dg + z * ddg
    return g


def penalized_tanh_branch(side, p):
    a = mpf(p[0]) if side < 0 else mpf(1)

    def g(z):
        t = mpmath.tanh(z)
        s2 = sech2(z)
        return a * t, a * s2, -2 * a * t * s2
    return g


# id -> (branch, kinks(p), parameter sets). Each list of parameter sets starts with the defaults and
# changes one parameter at a time.
ACTIVATIONS = {
    'identity': (identity_branch, lambda p: [], [[]]),
    'step': (step_branch, lambda p: [0.0], [[]]),
    'sigmoid': (sigmoid_branch, lambda p: [], [[]]),
    'tanh': (tanh_branch, lambda p: [], [[]]),
    'hard_sigmoid': (hard_sigmoid_branch, lambda p: [-3.0, 3.0], [[]]),
    'hard_tanh': (hard_tanh_branch, lambda p: [-1.0, 1.0], [[]]),
    'softsign': (softsign_branch, lambda p: [0.0], [[]]),
    'relu': (relu_branch, lambda p: [0.0], [[]]),
    'relu6': (relu6_branch, lambda p: [0.0, 6.0], [[]]),
    'leaky_relu': (leaky_branch, lambda p: [0.0], [[0.01], [0.2], [0.0]]),
    'prelu': (leaky_branch, lambda p: [0.0], [[0.25], [0.7]]),
    'elu': (elu_branch, lambda p: [0.0], [[1.0], [0.3], [2.5]]),
    'celu': (celu_branch, lambda p: [0.0], [[1.0], [0.2], [2.5]]),
    'selu': (selu_branch, lambda p: [0.0], [[SELU_LAMBDA, SELU_ALPHA], [1.5, SELU_ALPHA], [SELU_LAMBDA, 0.5]]),
    'softplus': (softplus_branch, lambda p: [], [[1.0], [0.5], [5.0]]),
    'gelu': (gelu_branch, lambda p: [], [[]]),
    'gelu_tanh': (gelu_tanh_branch, lambda p: [], [[]]),
    'swish': (swish_branch, lambda p: [], [[1.0], [0.5], [4.0], [0.0]]),
    'hard_swish': (hard_swish_branch, lambda p: [-3.0, 3.0], [[]]),
    'mish': (mish_branch, lambda p: [], [[]]),
    'squareplus': (squareplus_branch, lambda p: [0.0] if p[0] == 0 else [], [[4.0], [0.5], [9.0], [0.0]]),
    'gaussian': (gaussian_branch, lambda p: [], [[]]),
    'snake': (snake_branch, lambda p: [], [[1.0], [0.3], [7.5]]),
    'hard_shrink': (hard_shrink_branch, lambda p: [-p[0], p[0]] if p[0] else [], [[0.5], [2.25], [0.0]]),
    'soft_shrink': (soft_shrink_branch, lambda p: [-p[0], p[0]] if p[0] else [], [[0.5], [2.25], [0.0]]),
    'tanh_shrink': (tanh_shrink_branch, lambda p: [], [[]]),
    'log_sigmoid': (log_sigmoid_branch, lambda p: [], [[]]),
    'rrelu': (rrelu_branch, lambda p: [0.0], [[0.125, 1 / 3], [0.0, 1 / 3], [0.125, 0.9], [0.4, 0.4]]),
    'threshold': (threshold_branch, lambda p: [p[0]], [[0.0, 0.0], [1.5, 0.0], [0.0, -2.0], [-1.0, 0.5]]),
    'exponential': (exponential_branch, lambda p: [], [[]]),
    'sparse_plus': (sparse_plus_branch, lambda p: [-1.0, 1.0], [[]]),
    'sparse_sigmoid': (sparse_sigmoid_branch, lambda p: [-1.0, 1.0], [[]]),
    'relu_squared': (relu_squared_branch, lambda p: [0.0], [[]]),
    'star_relu': (star_relu_branch, lambda p: [0.0],
                  [[STAR_RELU_SCALE, STAR_RELU_BIAS], [1.7, STAR_RELU_BIAS], [STAR_RELU_SCALE, 0.6]]),
    'quick_gelu': (quick_gelu_branch, lambda p: [], [[]]),
    'sine': (sine_branch, lambda p: [], [[1.0], [0.3], [30.0]]),
    'arctan': (arctan_branch, lambda p: [], [[]]),
    'isru': (isru_branch, lambda p: [], [[1.0], [0.05], [7.0]]),
    'isrlu': (isrlu_branch, lambda p: [0.0], [[1.0], [0.05], [7.0]]),
    'bent_identity': (bent_identity_branch, lambda p: [], [[]]),
    'lisht': (lisht_branch, lambda p: [], [[]]),
    'tanhexp': (tanhexp_branch, lambda p: [], [[]]),
    'penalized_tanh': (penalized_tanh_branch, lambda p: [0.0], [[0.25], [0.8], [0.0]]),
}


# Further points of the later activations: the minimum of TanhExp, the zeros of LiSHT's f'', the
# minimum of QuickGELU, and sine's extrema.
EXTRA_POINTS = {
    'tanhexp': (-1.0788600585, -2.0, -0.26),
    'lisht': (1.1996786402, -1.1996786402),
    'quick_gelu': (-0.7511545851,),
    'sine': (math.pi / 2, -math.pi / 2, 3 * math.pi / 2),
}


def sample_points(kinks, rng, extra=()):
    points = set()
    fixed = [0.0, 1e-300, 1e-200, 1e-100, 1e-20, 1e-8, 1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 10.0,
             15.0, 20.0, 30.0, 37.0, 40.0, 100.0, 700.0, 710.0, 745.0, 800.0, 1e4, 1e6, 1e10, 1e20, 1e100,
             1e150, 1e155, 1e160, 1e200, 1e300]
    for v in fixed:
        points.add(v)
        points.add(-v)
    for k in kinks:
        points.add(k)
        for d in (1e-12, 1e-6, 1e-2):
            points.add(k - d)
            points.add(k + d)
        points.add(math.nextafter(k, -math.inf))
        points.add(math.nextafter(k, math.inf))
    # Around the zeros of f' and f'' of the smooth non-monotonic functions and of snake.
    for v in (-0.7517915241, -1.2784645428, -1.1924, math.sqrt(2), -math.sqrt(2), -math.pi / 4, math.pi / 4,
              3 * math.pi / 4, -1.5, 1 / math.sqrt(2), -1 / math.sqrt(2)) + tuple(extra):
        points.add(v)
    for e in range(-300, 301, 15):
        points.add(10.0 ** e)
        points.add(-(10.0 ** e))
    while len(points) < 320:
        points.add(rng.uniform(-12.0, 12.0))
        points.add(rng.uniform(-60.0, 60.0))
    return sorted(points)


def split(value):
    # A value beyond the largest double rounds to infinity, and so must the library's.
    if abs(value) > mpf(sys.float_info.max) * (1 + mpf(2) ** -54):
        return (math.inf if value > 0 else -math.inf), 0.0
    hi = float(value)
    lo = float(value - mpf(hi))
    return hi, lo


def condition(z, g, dg):
    if g == 0:
        return 0.0 if z * dg == 0 else math.inf
    c = abs(z * dg / g)
    return float(c) if c < mpf('1e300') else math.inf


def third_derivative(branch, z):
    """The third derivative of the piece, numerically; only used for a condition number, so a few
    digits do. The step is absolute and the precision grows with |z|, so that z + h stays exact
    even where the period of an oscillating f is far below the spacing of doubles."""
    if z == 0:
        return mpf(0)
    extra = max(0, int(math.log10(abs(z))))
    with mp.workdps(mp.dps + extra + 30):
        h = mpf(10) ** -25 * min(1, abs(z))
        return (branch(mpf(z) + h)[2] - branch(mpf(z) - h)[2]) / (2 * h)


def evaluate(branch_factory, p, z):
    branch = branch_factory(z, p)
    zz = mpf(z)
    f, d1, d2 = branch(zz)
    return branch, f, d1, d2


def agree(a, b):
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    if scale < mpf('1e-330'):
        return True  # both round to zero in double precision
    return abs(a - b) <= scale * mpf('1e-45')


def self_check(act_id, branch_factory, p, rng):
    """The analytic f' and f'' must match numerical differentiation of f and f'."""
    for _ in range(12):
        z = rng.uniform(-6, 6)
        branch = branch_factory(z, p)
        f, d1, d2 = branch(mpf(z))
        nd1 = mpmath.diff(lambda x: branch(x)[0], mpf(z), 1)
        nd2 = mpmath.diff(lambda x: branch(x)[1], mpf(z), 1)
        for name, a, b in (('f\'', d1, nd1), ('f\'\'', d2, nd2)):
            if abs(a - b) > mpf('1e-30') * max(1, abs(b)):
                raise SystemExit(f'{act_id} {p}: analytic {name} at {z} is {a}, numerical {b}')


def main():
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / 'tests' / 'data'
    out_dir.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[2:])
    for act_id, (branch_factory, kinks, parameter_sets) in ACTIVATIONS.items():
        if only and act_id not in only:
            continue
        rng = random.Random(act_id)
        lines = [
            f'# f, f\', f\'\' of {act_id}: written by scripts/generate_reference.py with mpmath {mpmath.__version__}',
            '# z\tf_hi\tf_lo\tf_cond\td1_hi\td1_lo\td1_cond\td2_hi\td2_lo\td2_cond',
        ]
        for p in parameter_sets:
            mp.dps = 60
            self_check(act_id, branch_factory, p, rng)
            lines.append('\t'.join(['params'] + [repr(float(v)) for v in p]))
            for z in sample_points(kinks(p), rng, EXTRA_POINTS.get(act_id, ())):
                mp.dps = 60
                branch, f, d1, d2 = evaluate(branch_factory, p, z)
                d3 = third_derivative(branch, z)
                mp.dps = 100
                _, f_check, d1_check, d2_check = evaluate(branch_factory, p, z)
                for name, a, b in (('f', f, f_check), ('f\'', d1, d1_check), ('f\'\'', d2, d2_check)):
                    if not agree(a, b):
                        raise SystemExit(f'{act_id} {p} at {z}: {name} not converged ({a} vs {b})')
                mp.dps = 60
                fields = [repr(z)]
                for g, dg in ((f, d1), (d1, d2), (d2, d3)):
                    hi, lo = split(g)
                    fields += [repr(hi), repr(lo), f'{condition(z, g, dg):.6g}']
                lines.append('\t'.join(fields))
        (out_dir / f'reference_{act_id}.tsv').write_text('\n'.join(lines) + '\n')
        print(f'{act_id}: {len(parameter_sets)} parameter set(s)')


if __name__ == '__main__':
    main()
