#pragma once

#include "validate/FileValidator.h"

namespace mlops {

// Compiles every .py file with python3's py_compile, all files in one python3 process. Byte code goes to a
// temporary folder so the repository gains no __pycache__. Without python3 on PATH the check is skipped with
// an info finding that says so (the repository is not declared valid by silence).
class PythonSyntaxValidator : public FileValidator {
public:
    // `python` overrides the interpreter (tests use it to simulate a machine without python3).
    explicit PythonSyntaxValidator(QString python = {});
    QString name() const override { return QStringLiteral("python"); }
    QList<Finding> validate(const RepositorySnapshot& repository) const override;

private:
    QString m_python;
};

} // namespace mlops
