#include "rules/allrules.h"

#include <QVarLengthArray>

#include <algorithm>

namespace td {

namespace {

// Several guests of one product on one host.
class SimilarGuestsSameHost final : public Rule
{
public:
    SimilarGuestsSameHost()
        : Rule({"similar-guests-same-host", Severity::Warning, Scope::Host,
                QT_TRANSLATE_NOOP("td::Rule", "Similar guests share a host"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Two or more guests of the same product run on this host. Taking "
                                  "the host down for driver, firmware or hypervisor updates then "
                                  "removes several servers of one kind at once, which removes the "
                                  "flexibility the extra servers were meant to give. Spread them "
                                  "over hosts."),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "PureConnect virtualization guidance: similar guests "
                                  "on one host remove flexibility for host driver and "
                                  "software updates.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Span<int> on = c.guestsOn(pos);
        if (on.size() < 2)
            return;
        // In document order, then by product id: stable output. By the
        // products' ranks (no string compared) when the catalog has them all.
        QVarLengthArray<int, 64> guests;
        QVarLengthArray<quint64, 64> keys; // rank, then position
        bool ranked = true;
        for (int g : on) {
            if (sameHostGroupHere(c, g, pos))
                continue;
            const int rank = c.resolved().productRank(g);
            ranked = ranked && rank >= 0;
            guests.append(g);
            keys.append(quint64(quint32(rank)) << 32 | quint32(g));
        }
        const auto productOf = [&c](int g) -> const QString & { return c.topology.guests.at(g).product; };
        if (ranked) {
            std::sort(keys.begin(), keys.end());
            for (qsizetype i = 0; i < keys.size(); ++i)
                guests[i] = static_cast<int>(keys.at(i) & 0xffffffffu);
        } else {
            std::stable_sort(guests.begin(), guests.end(), [&](int a, int b) { return productOf(a) < productOf(b); });
        }
        const auto sameProduct = [&](qsizetype a, qsizetype b) {
            return ranked ? keys.at(a) >> 32 == keys.at(b) >> 32 : productOf(guests.at(a)) == productOf(guests.at(b));
        };
        const Host &h = c.topology.hosts.at(pos);
        for (qsizetype from = 0; from < guests.size();) {
            qsizetype to = from + 1;
            while (to < guests.size() && sameProduct(from, to))
                ++to;
            if (to - from >= 2) {
                const Span<int> same(guests.constData() + from, to - from);
                QStringList subjects = c.guestIds(same, &h.id.str());
                // Most hosts an edit touches keep their similar guests (a
                // move changes one run of one host): their message is kept.
                if (const Finding *kept = c.keptFinding(subjects)) {
                    out.append(*kept);
                } else {
                    const Product *p = c.product(guests.at(from));
                    out.append(make(c.message(QT_TRANSLATE_NOOP("td::Rule", "%1 guests %2 share host %3."),
                                              {p ? p->name : productOf(guests.at(from)), c.guestNames(same), h.name}),
                                    std::move(subjects)));
                }
            }
            from = to;
        }
    }

private:
    // True when one of the guest's groups has all its (2+) placed members on
    // this host: redundancy-same-host already reports it.
    static bool sameHostGroupHere(const RuleContext &c, int guestPos, int hostPos)
    {
        for (int group : c.index.groupsOfGuest(guestPos)) {
            const Span<int> hosts = c.placedHosts(group);
            if (hosts.size() == 1 && hosts.first() == hostPos && c.placedMembers(group).size() >= 2)
                return true;
        }
        return false;
    }
};

} // namespace

std::unique_ptr<Rule> makeSimilarGuestsSameHost()
{
    return std::make_unique<SimilarGuestsSameHost>();
}

} // namespace td
