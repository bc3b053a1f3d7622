/** @odoo-module **/
// Copyright 2026 QMS Public Admin contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * A tour step asking the test to save the page as <name>.png (see
 * qms_public_admin/tests/tour_case.py); it waits for `trigger` first.
 */
export function screenshot(name, trigger = ".o_action_manager") {
    return {
        content: `screenshot ${name}`,
        trigger,
        async run() {
            console.log(`qms-screenshot:${name}`);
            await new Promise((resolve) => setTimeout(resolve, 700));
        },
    };
}

/** Pick `text` in a many2one field by typing it and choosing the match. */
export function pickMany2one(field, text) {
    return [
        {
            content: `type ${text} in ${field}`,
            trigger: `.o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            content: `choose ${text}`,
            trigger: `.o_field_widget[name=${field}] .o-autocomplete--dropdown-item a:contains(${text})`,
            run: "click",
        },
    ];
}
