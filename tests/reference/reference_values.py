#!/usr/bin/python3
"""Reference values for QualityGate's known-answer tests.

Run with Debian 12's packages (apt-get install python3-sklearn python3-scipy
python3-statsmodels r-cran-proc): scikit-learn 1.2.1, SciPy 1.10.1, statsmodels 0.13.5,
R pROC 1.18.0. The output is pasted into tests/QualityGate.Tests/Statistics/ReferenceValues.cs.
"""
import subprocess

import numpy as np
import scipy
import sklearn
import statsmodels
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score, roc_curve
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

# A small scored set with ties across classes (0.35, 0.6, 0.8) and within a class (0.9).
SCORES = [0.05, 0.1, 0.12, 0.2, 0.2, 0.3, 0.35, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.6, 0.62,
          0.7, 0.72, 0.8, 0.8, 0.85, 0.9, 0.9, 0.95, 0.97, 0.99]
LABELS = [0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1]

print(f"// sklearn {sklearn.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")
y = np.array(LABELS)
s = np.array(SCORES)
print(f"Auc = {roc_auc_score(y, s)!r}")
print(f"AveragePrecision = {average_precision_score(y, s)!r}")
print(f"LogLoss = {log_loss(y, s)!r}")
print(f"F1AtHalf = {f1_score(y, (s >= 0.5).astype(int))!r}")
fpr, tpr, _ = roc_curve(y, s)
for x in (0.1, 0.25):
    print(f"TprAtFpr({x}) = {tpr[fpr <= x].max()!r}")

# Bounds: each one-sided at confidence c, i.e. the two-sided interval with alpha = 2(1 - c).
for k, n, c in [(0, 20, 0.95), (2, 20, 0.95), (20, 858, 0.95), (482, 522, 0.95), (10, 54, 0.9), (54, 54, 0.99)]:
    for method in ("wilson", "beta"):
        lo, hi = proportion_confint(k, n, alpha=2 * (1 - c), method=method)
        print(f"{method}({k}, {n}, {c}) = ({lo!r}, {hi!r})")

# DeLong's variance from R's pROC, the reference implementation of DeLong (1988).
r_script = f"""
suppressMessages(library(pROC))
r <- roc(c({','.join(map(str, LABELS))}), c({','.join(map(str, SCORES))}), direction='<', levels=c(0,1), quiet=TRUE)
cat(sprintf('DeLongAuc = %.17g\\nDeLongVariance = %.17g\\n', as.numeric(auc(r)), var(r, method='delong')))
"""
print(subprocess.run(["Rscript", "-e", r_script], capture_output=True, text=True, check=True).stdout, end="")

# McNemar's exact test (statsmodels), tables [[both, candidate only], [baseline only, neither]].
for b, c in [(0, 0), (3, 0), (9, 2), (5, 5), (40, 25), (1, 12)]:
    print(f"mcnemar({b}, {c}) = {mcnemar([[10, b], [c, 100]], exact=True).pvalue!r}")

# Holm's correction (statsmodels multipletests).
P_VALUES = [0.01, 0.04, 0.03, 0.005, 0.2]
reject, adjusted, _, _ = multipletests(P_VALUES, alpha=0.05, method="holm")
print(f"holm reject = {list(map(bool, reject))}")
print(f"holm adjusted = {list(map(float, adjusted))}")
