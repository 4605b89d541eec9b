#!/usr/bin/env python3
"""Writes tests/data/depth_reference.tsv: Gaussian expectations of every activation and the
self-normalising mean/variance map with its Jacobian, at high precision.

The activations themselves (pieces, kinks, parameter sets) come from generate_reference.py, so the
two reference files cannot disagree about what a function is. Integrals are taken piece by piece
between the kinks with mpmath's tanh-sinh quadrature at 40 digits and confirmed at 50.

File format (tab separated, '#' starts a comment line):
    moments <id> <params...> | <mean> <variance> <E[f]> <E[f^2]> <E[f'^2]>
    mvmap <id> <params...> | <mu> <nu> <omega> <tau> <mu~> <nu~> <dmu~/dmu> <dmu~/dnu> <dnu~/dmu> <dnu~/dnu>

Usage: scripts/generate_depth_reference.py [output file]
"""

import sys
from pathlib import Path

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_reference as catalog  # noqa: E402

POINTS = [(0.0, 0.25), (0.0, 1.0), (0.0, 4.0), (0.0, 100.0), (0.5, 2.0), (-1.0, 0.5), (2.0, 0.01)]
# Gaussians so wide that every bend of an activation sits within a sliver around their middle, as
# the variance of a deep network grows layer after layer. Snake is left out: under them it
# oscillates millions of times, beyond any quadrature (the core has closed forms there).
WIDE_POINTS = [(0.0, 1e4), (0.0, 1e8), (3.0, 1e12)]
MAP_POINTS = [(0.0, 1.0, 0.0, 1.0), (0.2, 0.9, 0.3, 1.2), (-0.4, 1.5, 0.8, 0.7)]


def expectation(branch_factory, p, kinks, mean, variance, which):
    """E[which(f, f')] for z ~ N(mean, variance), split at the kinks; under a wide Gaussian also
    at z = 0, ±1, ±2, ±4, … so that the quadrature sees where each activation bends and settles."""
    mean, variance = mpf(mean), mpf(variance)
    sd = mpmath.sqrt(variance)
    features = []
    if sd > 10:
        z = mpf(1)
        features = [mpf(0)]
        while z < 40 * sd:
            features += [z, -z]
            z *= 2
    features = sorted((f - mean) / sd for f in features)
    cuts = sorted({(mpf(k) - mean) / sd for k in kinks})
    edges = [-mpmath.inf] + cuts + [mpmath.inf]
    total = mpf(0)
    for a, b in zip(edges[:-1], edges[1:]):
        if a == -mpmath.inf:
            side = b - 1 if b != mpmath.inf else mpf(0)
        elif b == mpmath.inf:
            side = a + 1
        else:
            side = (a + b) / 2
        branch = branch_factory(float(mean + sd * side), p)

        def integrand(x, branch=branch):
            f, d1, _ = branch(mean + sd * x)
            return which(f, d1, x) * mpmath.exp(-x * x / 2)

        inner = [a, b]
        if a == -mpmath.inf and b == mpmath.inf:
            inner = [a, 0, b]
        elif a == -mpmath.inf:
            inner = [a, min(b, 0) - 1, b] if b > -mpf(30) else [a, b]
        elif b == mpmath.inf:
            inner = [a, max(a, 0) + 1, b] if a < mpf(30) else [a, b]
        if features:
            inner = sorted(set(inner) | {x for x in features if a < x < b})
        total += mpmath.quad(integrand, inner)
    return total / mpmath.sqrt(2 * mpmath.pi)


def confirmed(compute):
    mp.dps = 40
    first = compute()
    mp.dps = 50
    second = compute()
    mp.dps = 40
    for a, b in zip(first, second):
        if abs(a - b) > mpf('1e-25') * max(1, abs(b)):
            raise SystemExit(f'quadrature not converged: {a} vs {b}')
    return second


def moments(branch_factory, p, kinks, mean, variance):
    return confirmed(lambda: [
        expectation(branch_factory, p, kinks, mean, variance, lambda f, d1, x: f),
        expectation(branch_factory, p, kinks, mean, variance, lambda f, d1, x: f * f),
        expectation(branch_factory, p, kinks, mean, variance, lambda f, d1, x: d1 * d1),
    ])


def mean_variance_map(branch_factory, p, kinks, mu, nu, omega, tau):
    def image(m, n):
        e1 = expectation(branch_factory, p, kinks, m * omega, n * tau, lambda f, d1, x: f)
        e2 = expectation(branch_factory, p, kinks, m * omega, n * tau, lambda f, d1, x: f * f)
        return e1, e2 - e1 * e1

    def compute():
        m, n = mpf(mu), mpf(nu)
        mu_next, nu_next = image(m, n)
        h = mpf(10) ** -12
        up_m, down_m = image(m + h, n), image(m - h, n)
        up_n, down_n = image(m, n + h), image(m, n - h)
        return [mu_next, nu_next,
                (up_m[0] - down_m[0]) / (2 * h), (up_n[0] - down_n[0]) / (2 * h),
                (up_m[1] - down_m[1]) / (2 * h), (up_n[1] - down_n[1]) / (2 * h)]

    mp.dps = 40
    first = compute()
    mp.dps = 50
    second = compute()
    for a, b in zip(first, second):
        if abs(a - b) > mpf('1e-18') * max(1, abs(b)):
            raise SystemExit(f'mean/variance map not converged: {a} vs {b}')
    return second


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parent.parent / 'tests' / 'data' / 'depth_reference.tsv'
    lines = [f'# Gaussian expectations and the mean/variance map: written by '
             f'scripts/generate_depth_reference.py with mpmath {mpmath.__version__}']
    for act_id, (branch_factory, kinks_of, parameter_sets) in catalog.ACTIVATIONS.items():
        p = parameter_sets[0]
        kinks = kinks_of(p)
        params = [repr(float(v)) for v in p]
        for mean, variance in POINTS + (WIDE_POINTS if act_id != 'snake' else []):
            values = moments(branch_factory, p, kinks, mean, variance)
            lines.append('\t'.join(['moments', act_id] + params + ['|', repr(mean), repr(variance)] +
                                   [repr(float(v)) for v in values]))
        if act_id in ('selu', 'elu', 'tanh', 'relu', 'step', 'hard_tanh', 'swish'):
            for mu, nu, omega, tau in MAP_POINTS:
                values = mean_variance_map(branch_factory, p, kinks, mu, nu, omega, tau)
                lines.append('\t'.join(['mvmap', act_id] + params +
                                       ['|', repr(mu), repr(nu), repr(omega), repr(tau)] +
                                       [repr(float(v)) for v in values]))
        print(act_id, flush=True)
    out.write_text('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
