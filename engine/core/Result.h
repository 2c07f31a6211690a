#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace mlops {

// The error half of a Result: one sentence for a person, naming what failed and, where it helps, what to do.
// docs/errors.md says when the engine uses Result, when an exception is still acceptable and how errors are logged.
struct Failure {
    QString message;
};

inline Failure fail(QString message) {
    return Failure{std::move(message)};
}

// A value or the reason there is none. The engine's public API returns this instead of out-parameters,
// {ok, error} structs or exceptions:
//
//     Result<std::unique_ptr<Studio>> studio = Studio::open(options);
//     if (!studio)
//         return report(studio.error());
//     use(*studio.value());
//
// Result<void> is [[nodiscard]]: a step whose only output is its success must be checked, in tests too.
// Functions returning a Result<T> that must not be dropped are declared [[nodiscard]] one by one.
template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Failure failure)
        : m_error(failure.message.isEmpty() ? QStringLiteral("unknown error") : std::move(failure.message)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only on success (asserted in debug builds).
    const T& value() const& {
        Q_ASSERT(ok());
        return *m_value;
    }
    T& value() & {
        Q_ASSERT(ok());
        return *m_value;
    }
    T&& value() && {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    T valueOr(T fallback) const& { return ok() ? *m_value : std::move(fallback); }
    // Empty on success.
    const QString& error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

// Success without a value, or the reason it failed.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Failure failure)
        : m_failed(true)
        , m_error(failure.message.isEmpty() ? QStringLiteral("unknown error") : std::move(failure.message)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

} // namespace mlops
