#include "rules/allrules.h"

namespace td {

namespace {

class MediaServerHyperv final : public Rule
{
public:
    MediaServerHyperv()
        : Rule({"media-server-hyperv", Severity::Warning, Scope::Guest,
                QT_TRANSLATE_NOOP("td::Rule", "Media Server on Hyper-V"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "In the vendor's tests of Interaction Media Server on Hyper-V, the guest network "
                                  "layer failed as RTP traffic approached about 120 Mbit/s; dedicated NICs did not "
                                  "help, virtual RSS (vRSS) in the guest did. Enable vRSS, size the media server pool "
                                  "for the lower throughput, or run media servers on vSphere or hardware."),
                QT_TRANSLATE_NOOP("td::Rule", "Vendor Interaction Media Server tests on Hyper-V.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        if (!c.hyperv())
            return;
        const Guest &g = c.topology.guests.at(pos);
        const int host = c.hostOf(pos);
        if (g.product != QLatin1String("media-server") || host < 0)
            return;
        const Host &h = c.topology.hosts.at(host);
        out.append(make(tr("%1 (Media Server) runs on Hyper-V host %2; enable virtual RSS and expect "
                           "RTP limits near 120 Mbps.")
                            .arg(g.name, h.name),
                        {g.id.str(), h.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeMediaServerHyperv()
{
    return std::make_unique<MediaServerHyperv>();
}

} // namespace td
