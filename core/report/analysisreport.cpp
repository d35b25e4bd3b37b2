#include "report/analysisreport.h"

#include "report/jsontext.h"

#include <QCoreApplication>
#include <QStringList>

namespace td {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("td::AnalysisReport", text, nullptr, n);
}

template <typename List>
QString jsonIds(const List &ids)
{
    QStringList out;
    for (const auto &id : ids) {
        if constexpr (std::is_same_v<std::decay_t<decltype(id)>, QString>)
            out << jsonString(id);
        else
            out << jsonString(id.str());
    }
    return QLatin1Char('[') + out.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

AnalysisReport::AnalysisReport(const FailureAnalysis &analysis,
                               QVector<ScenarioResult> scenarios,
                               QString file,
                               Kind kind,
                               QStringList titles)
    : mAnalysis(analysis), mScenarios(std::move(scenarios)), mFile(std::move(file)), mKind(kind),
      mTitles(std::move(titles))
{}

bool AnalysisReport::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("text"))
        *format = Format::Text;
    else if (name == QLatin1String("json"))
        *format = Format::Json;
    else
        return false;
    return true;
}

QByteArray AnalysisReport::write(Format format) const
{
    return format == Format::Json ? json() : text();
}

bool AnalysisReport::anyGroupDown() const
{
    for (const ScenarioResult &s : mScenarios) {
        if (!s.groupsDown.isEmpty())
            return true;
    }
    return false;
}

QString AnalysisReport::jsonScenario(const ScenarioResult &s)
{
    QStringList restarts;
    for (const Restart &r : s.restarts)
        restarts
            << QStringLiteral("{\"guest\": %1, \"host\": %2}").arg(jsonString(r.guest.str()), jsonString(r.host.str()));
    return QStringLiteral("{\"fail\": %1, \"hosts_down\": %2, \"guests_down\": %3, \"groups_down\": %4, "
                          "\"groups_degraded\": %5, \"restarts\": [%6], \"stay_down\": %7}")
        .arg(jsonIds(s.fail), jsonIds(s.hostsDown), jsonIds(s.guestsDown), jsonIds(s.groupsDown),
             jsonIds(s.groupsDegraded), restarts.join(QStringLiteral(", ")), jsonIds(s.stayDown));
}

QByteArray AnalysisReport::json() const
{
    const QString key = mKind == Kind::Worst ? QStringLiteral("worst") : QStringLiteral("scenarios");
    QString out = QStringLiteral("{\"file\": ") + jsonString(mFile) + QStringLiteral(",\n \"") + key
                + QStringLiteral("\": [");
    bool first = true;
    for (const ScenarioResult &s : mScenarios) {
        out += first ? QStringLiteral("\n  ") : QStringLiteral(",\n  ");
        first = false;
        out += jsonScenario(s);
    }
    out += first ? QStringLiteral("]}\n") : QStringLiteral("\n]}\n");
    return out.toUtf8();
}

QByteArray AnalysisReport::text() const
{
    const Topology &t = mAnalysis.topology();
    const TopologyIndex &index = mAnalysis.index();
    const auto names = [&](const auto &ids) {
        QStringList out;
        for (const auto &id : ids)
            out << index.nameOf(t, id.str());
        return out.isEmpty() ? tr("none") : out.join(QStringLiteral(", "));
    };
    QString out;
    int rank = 0;
    int withGroupDown = 0;
    for (const ScenarioResult &s : mScenarios) {
        withGroupDown += s.groupsDown.isEmpty() ? 0 : 1;
        if (rank < mTitles.size())
            out += mTitles.at(rank) + QLatin1Char('\n');
        if (mKind == Kind::Worst)
            out += QStringLiteral("#%1 ").arg(rank + 1);
        ++rank;
        out += mAnalysis.sentence(s) + QLatin1Char('\n');
        if (!s.hostsDown.isEmpty()) {
            QStringList restarts;
            for (const Restart &r : s.restarts)
                restarts << tr("%1 on %2").arg(index.nameOf(t, r.guest.str()), index.nameOf(t, r.host.str()));
            out += tr("  hosts down:      %1\n").arg(names(s.hostsDown));
            out += tr("  guests down:     %1\n").arg(names(s.guestsDown));
            out += tr("  groups down:     %1\n").arg(names(s.groupsDown));
            out += tr("  groups degraded: %1\n").arg(names(s.groupsDegraded));
            out += tr("  restarts:        %1\n")
                       .arg(restarts.isEmpty() ? tr("none") : restarts.join(QStringLiteral(", ")));
            out += tr("  stay down:       %1\n").arg(names(s.stayDown));
        }
        out += QLatin1Char('\n');
    }
    const QString count = mKind == Kind::Worst ? tr("%n worst scenario(s)", static_cast<int>(mScenarios.size()))
                                               : tr("%n scenario(s)", static_cast<int>(mScenarios.size()));
    out += tr("%1: %2, %3 with a group down\n").arg(mFile, count).arg(withGroupDown);
    return out.toUtf8();
}

} // namespace td
