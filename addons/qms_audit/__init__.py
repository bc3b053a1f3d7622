from . import models


def uninstall_hook(env):
    """Give OCA's multi-company rules back their place."""
    for xmlid in (
        "mgmtsystem_nonconformity.mgmtsystem_nonconformity_rule",
        "mgmtsystem_action.mgmtsystem_action_rule",
    ):
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.active = True
