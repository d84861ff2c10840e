"""Export scikit-learn's bundled Iris data set to iris.csv: four measurements in centimetres
(sepal_length, sepal_width, petal_length, petal_width), then the class label 0..2
(setosa, versicolor, virginica), 150 rows in scikit-learn's order.
Run: python export_iris.py   (needs scikit-learn)"""
import numpy as np
from sklearn.datasets import load_iris

d = load_iris()
assert d.data.shape == (150, 4)
header = "sepal_length,sepal_width,petal_length,petal_width,label"
rows = [",".join(f"{v:.1f}" for v in x) + f",{int(y)}" for x, y in zip(d.data, d.target)]
with open("iris.csv", "w") as f:
    f.write(header + "\n" + "\n".join(rows) + "\n")
print("wrote iris.csv", d.data.shape, "classes", np.bincount(d.target).tolist())
