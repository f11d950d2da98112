#pragma once

#include <functional>
#include <QUndoCommand>

namespace wardroll::ui {

// One change of one field of the resident form, for its undo stack. Applying a value goes through
// the form (which keeps what was last committed per field), given as a function.
class FieldEditCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const QString& field, const QString& value)>;

    FieldEditCommand(Apply apply, QString field, QString before, QString after, const QString& text,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

    [[nodiscard]] const QString& field() const { return m_field; }
    [[nodiscard]] const QString& before() const { return m_before; }
    [[nodiscard]] const QString& after() const { return m_after; }

private:
    Apply m_apply;
    QString m_field;
    QString m_before;
    QString m_after;
};

} // namespace wardroll::ui
