#pragma once

#include <functional>
#include <QHash>
#include <QLineEdit>
#include <QList>

class QCompleter;
class QStandardItemModel;

namespace wardroll::ui {

class FoldedFilterModel;

// One entry a picker offers: what is shown, what is stored, and what type-ahead matches.
struct CatalogueItem
{
    QString text; // "Phường Ba Đình, Thành phố Hà Nội"
    QString value; // coded pickers: "2025:00004"; free-text pickers: the text itself
    QString keys; // extra words to match ("khmer kho me"), folded with the text
};

// A line edit with accent-insensitive type-ahead over a catalogue (ethnic groups, religions,
// communes, relations, or households read on demand). Two kinds:
// - free text (default): the value is the text; the catalogue only suggests (a record may hold
//   what no catalogue knows, cleaning reports it);
// - coded: the value is the chosen item's value; text that names no item has no value.
// `committed()` is emitted when the officer is done with the field: Enter, focus leaving, or a
// suggestion chosen.
class CataloguePicker : public QLineEdit
{
    Q_OBJECT
public:
    using Source = std::function<QList<CatalogueItem>(const QString& typed)>;

    explicit CataloguePicker(QWidget* parent = nullptr);

    void setItems(const QList<CatalogueItem>& items);
    // Items read for each change of the text instead of a fixed list (households by search).
    void setSource(Source source);
    void setCoded(bool coded) { m_coded = coded; }
    [[nodiscard]] bool isCoded() const { return m_coded; }
    // Names a value that is not among the items (a legacy commune on an old record).
    void setDescriber(std::function<QString(const QString& value)> describe)
    {
        m_describe = std::move(describe);
    }

    [[nodiscard]] QString value() const;
    void setValue(const QString& value);
    // Coded: text was typed that names no item.
    [[nodiscard]] bool hasUnmatchedText() const
    {
        return m_coded && m_value.isEmpty() && !text().trimmed().isEmpty();
    }
    [[nodiscard]] QCompleter* suggestions() const { return m_completer; }

Q_SIGNALS:
    void committed();
    void valueChanged();

protected:
    bool event(QEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void filter(const QString& typed);
    void choose(const QModelIndex& proxyIndex);
    void fill(const QList<CatalogueItem>& items);

    QStandardItemModel* m_items = nullptr;
    FoldedFilterModel* m_filter = nullptr;
    QCompleter* m_completer = nullptr;
    QHash<QString, QString> m_valueByText;
    QHash<QString, QString> m_textByValue;
    Source m_source;
    std::function<QString(const QString&)> m_describe;
    QString m_value;
    bool m_coded = false;
};

} // namespace wardroll::ui
