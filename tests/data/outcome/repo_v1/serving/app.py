"""Fraud scoring API: reads online features and returns a fraud probability."""
import json
import os

THRESHOLD = float(os.environ.get("FRAUD_THRESHOLD", "0.8"))


def score(features: dict) -> float:
    # A stand-in linear score until the trained XGBoost model is loaded.
    return min(1.0, 0.1 + 0.9 * features.get("velocity", 0.0))


def handler(event):
    body = json.loads(event["body"])
    probability = score(body["features"])
    return {"fraud": probability >= THRESHOLD, "probability": probability}
