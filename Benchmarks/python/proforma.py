#!/usr/bin/env python3
"""Pure-Python pro-forma of the h2bench `finance` project (Benchmarks/h2bench/FinanceBenchmarks.swift),
written the way a typical Python pro-forma tool is: the whole cash-flow table is rebuilt for every
trial price and the break-even is found with scipy's Brent (brentq). Same rules as the Swift
engine (h2corridor Sources/H2Model/Finance), so the prices must agree.

Run: python3 Benchmarks/python/proforma.py
"""
import time
from scipy.optimize import brentq

C, N = 1, 20
T = C + N
r, vat, surcharge, tax_rate, loss_years = 0.08, 0.13, 0.12, 0.25, 5
debt_share, debt_rate, tenor = 0.7, 0.02, 10
default_dep = 15
ramp = [0.25, 0.4, 0.55, 0.7] + [0.8] * 16
annual_kg = [x * 1000 * 365 for x in ramp]
# (amount, life, vatable, depreciation years)
capital = [(9_000_000, 10, True, 15), (5_500_000, 15, True, 15), (4_000_000, 30, False, 50)]
fixed = 740_000
variable = 15 + 2 + 6.5 + 0.78
construction_subsidy = 2_000_000
op_subsidy = [9, 6, 6] + [0] * 17


def crf(rate, n):
    return 1 / n if rate == 0 else rate / (1 - (1 + rate) ** -n)


def table(price):
    rows = T + 1
    kg = [0.0] * rows
    for j in range(1, N + 1):
        kg[C + j] = annual_kg[j - 1]
    capex = [0.0] * rows; in_vat = [0.0] * rows; dep = [0.0] * rows; write_off = [0.0] * rows
    salvage = [0.0] * rows; book = [0.0] * rows; initial = [0.0] * rows
    total_initial = sum(c[0] for c in capital)
    tranches = max(C, 1)
    for amount, life, vatable, D in capital:
        basis = 0.0
        for t in range(tranches):
            pay = amount / tranches
            capex[t] += pay; initial[t] += pay; basis += pay
            if vatable: in_vat[t] += vat * pay
        basis = max(0.0, basis - construction_subsidy * amount / total_initial)
        in_service, k = C, 1
        while k * life < N:
            s = C + k * life
            for t in range(in_service + 1, min(in_service + D, s) + 1): dep[t] += basis / D
            write_off[s] += basis * max(0, D - (s - in_service)) / D
            capex[s] += amount
            if vatable: in_vat[s] += vat * amount
            basis, in_service, k = amount, s, k + 1
        for t in range(in_service + 1, min(in_service + D, T) + 1): dep[t] += basis / D
        e = T - in_service
        salvage[T] += amount * max(0, life - e) / life
        book[T] += basis * max(0, D - e) / D
    draw = [0.0] * rows; interest = [0.0] * rows; principal = [0.0] * rows
    balance = payment = 0.0
    for t in range(rows):
        interest[t] = balance * debt_rate
        if t < tranches: draw[t] = debt_share * initial[t]
        if t == C + 1: payment = balance * crf(debt_rate, tenor)
        if C < t <= C + tenor: principal[t] = payment - interest[t]
        balance += draw[t] - principal[t]
    flows, credit, losses = [], 0.0, [0.0] * rows
    for t in range(rows):
        op = (fixed if t > C else 0.0) + variable * kg[t]
        sub = op_subsidy[t - C - 1] * kg[t] if t > C else 0.0
        csub = construction_subsidy if t == C else 0.0
        purchase_vat = in_vat[t] + vat * variable * kg[t]  # variable purchases are VAT-able
        sales = price * kg[t] / (1 + vat)
        out_vat = vat * sales
        net = out_vat - purchase_vat - credit
        remitted, credit = (net, 0.0) if net > 0 else (0.0, -net)
        sur = surcharge * remitted
        taxable = sales + sub - op - dep[t] - write_off[t] - interest[t] - sur + (salvage[t] - book[t])
        tax = 0.0
        if taxable > 0:
            remaining = taxable
            for v in range(max(0, t - loss_years), t):
                use = min(losses[v], remaining); losses[v] -= use; remaining -= use
            tax = tax_rate * remaining
        else:
            losses[t] = -taxable
        flows.append(sales + out_vat - remitted - sur - tax - capex[t] - purchase_vat - op
                     + draw[t] - interest[t] - principal[t] + sub + csub + salvage[t])
    return flows


def npv(price):
    return sum(f / (1 + r) ** t for t, f in enumerate(table(price)))


def break_even():
    return brentq(npv, 0.0, 200.0, xtol=1e-12, rtol=1e-14)


if __name__ == "__main__":
    price = break_even()
    print(f"break-even price: {price!r} CNY/kg")
    runs = []
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(20):
            break_even()
        runs.append((time.perf_counter() - start) / 20)
    runs.sort()
    print(f"pure-Python pro-forma break-even solve: median {runs[len(runs) // 2] * 1e6:.0f} µs/solve")
    try:
        import numpy_financial as npf
        flows = table(price)
        start = time.perf_counter()
        for _ in range(200):
            npf.irr(flows)
        print(f"numpy-financial irr at break-even: {npf.irr(flows)!r} ({(time.perf_counter() - start) / 200 * 1e6:.0f} µs/call)")
    except ImportError:
        print("numpy-financial not installed (pip install numpy-financial) — IRR comparison skipped")
