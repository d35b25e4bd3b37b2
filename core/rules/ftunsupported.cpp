#include "rules/allrules.h"

namespace td {

namespace {

class FtUnsupported final : public Rule
{
public:
    FtUnsupported()
        : Rule({"ft-unsupported", Severity::Error, Scope::Guest,
                QT_TRANSLATE_NOOP("td::Rule", "Fault Tolerance on Hyper-V"),
                QT_TRANSLATE_NOOP("td::Rule",
                                  "Fault Tolerance is a VMware vSphere feature; Hyper-V has nothing that keeps a "
                                  "lock-step secondary VM. The setting cannot be honoured on this platform. Turn FT "
                                  "off and rely on switchover pairs and pools for availability."),
                QT_TRANSLATE_NOOP("td::Rule", "VMware vSphere Fault Tolerance is a vSphere feature.")})
    {}

    void check(const RuleContext &c, int pos, QVector<Finding> &out) const override
    {
        const Guest &g = c.topology.guests.at(pos);
        if (!g.ft || !c.hyperv())
            return;
        out.append(make(tr("%1 has Fault Tolerance enabled, which Hyper-V does not have.").arg(g.name), {g.id.str()}));
    }
};

} // namespace

std::unique_ptr<Rule> makeFtUnsupported()
{
    return std::make_unique<FtUnsupported>();
}

} // namespace td
