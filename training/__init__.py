"""Training and retraining: programmes, classes, enrolment, results, certificates, compliance."""
