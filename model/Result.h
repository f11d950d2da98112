#pragma once

#include <optional>
#include <QString>
#include <utility>
#include <variant>

namespace wardroll::model {

// What went wrong, in words a person can act on. `message` is already translated; `detail`
// carries technical context (an SQLite message, a line number) for logs and bug reports.
struct Error
{
    enum class Kind {
        Generic,
        NotFound,
        InvalidInput,
        Io,
        Database,
        Conflict,
        Cancelled,
    };
    Kind kind = Kind::Generic;
    QString message;
    QString detail;

    [[nodiscard]] QString toString() const
    {
        return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')');
    }
};

// Errors are values across layers, never exceptions: a std::expected for C++20.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): implicit by design, like std::expected
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & { return std::get<0>(m_state); }
    [[nodiscard]] const T& value() const& { return std::get<0>(m_state); }
    // By value, not T&&: `for (auto& x : f().value())` or `const auto& x = f().value()` would
    // otherwise refer into a Result destroyed at the end of the statement.
    [[nodiscard]] T value() && { return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<1>(m_state); }

    template <typename U> [[nodiscard]] T valueOr(U&& fallback) const&
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace wardroll::model
