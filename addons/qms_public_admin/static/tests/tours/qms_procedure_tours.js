/** @odoo-module **/
// Copyright 2026 QMS Public Admin contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";
import { screenshot } from "./tour_utils";

const tours = registry.category("web_tour.tours");

// The ISO officer starts a new version of a procedure in effect, says what
// it changes and sends it for review; she cannot approve it herself.
tours.add("qms_procedure_new_version", {
    steps: () => [
        { content: "new version", trigger: "button[name=action_new_version]", run: "click" },
        {
            content: "the draft of version 2",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Dự thảo)",
        },
        {
            content: "what it changes",
            trigger: ".o_field_widget[name=change_summary] textarea",
            run: "edit Rút ngắn bước thẩm định theo Quyết định công bố TTHC mới.",
        },
        { content: "save", trigger: ".o_form_button_save", run: "click" },
        { content: "send for review", trigger: "button[name=action_submit_review]", run: "click" },
        {
            content: "it waits for the quality representative",
            trigger: ".alert-warning:contains(Đang chờ phê duyệt)",
        },
        {
            content: "no approve button for its author",
            trigger: ".o_form_view:not(:has(button[name=action_approve])):not(:has(button[name=validate_tier]))",
        },
        screenshot("procedure-1-sent-for-review"),
    ],
});

// The quality representative agrees, approves and puts the version into
// effect: the previous one is superseded.
tours.add("qms_procedure_publish", {
    steps: () => [
        { content: "agree", trigger: "button[name=validate_tier]", run: "click" },
        {
            content: "every tier agreed",
            trigger: ".alert-success:contains(Tất cả các cấp phê duyệt đã đồng ý)",
        },
        { content: "approve", trigger: "button[name=action_approve]", run: "click" },
        { content: "put into effect", trigger: "button[name=action_make_effective]", run: "click" },
        {
            content: "in effect",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Đang hiệu lực)",
        },
        screenshot("procedure-2-in-effect"),
    ],
});

// Whoever logs in lands on the dashboard of their role, not on an empty inbox.
tours.add("qms_dashboard_landing", {
    steps: () => [
        {
            content: "the dashboard of the role is the home page",
            trigger: ".o_qms_dashboard section[data-section] .o_qms_card",
        },
        screenshot("dashboard"),
        {
            content: "a number opens the records it counts",
            trigger: ".o_qms_dashboard section[data-section] .o_qms_card",
            run: "click",
        },
        {
            content: "the list of those records",
            trigger: ".o_list_view, .o_kanban_view",
        },
    ],
});
