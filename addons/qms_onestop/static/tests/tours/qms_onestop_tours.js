/** @odoo-module **/
// Copyright 2026 QMS Public Admin contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";
import { pickMany2one, screenshot } from "@qms_public_admin/../tests/tours/tour_utils";

const tours = registry.category("web_tour.tours");

// The desk officer receives a birth registration at the counter: the
// procedure, the applicant's data typed in, the components checked.
tours.add("qms_onestop_receive_dossier", {
    url: "/odoo/action-qms_onestop.action_qms_onestop_dossier",
    steps: () => [
        { content: "new dossier", trigger: ".o_list_button_add", run: "click" },
        ...pickMany2one("tthc_id", "1.001193"),
        {
            content: "the case and its components come with the procedure",
            trigger: ".o_field_widget[name=component_ids] .o_data_row:nth-child(3)",
        },
        {
            content: "applicant's name",
            trigger: ".o_field_widget[name=applicant_name] input",
            run: "edit Nguyễn Thị Mai",
        },
        {
            content: "identity number",
            trigger: ".o_field_widget[name=applicant_id_number] input",
            run: "edit 038190012345",
        },
        {
            content: "phone",
            trigger: ".o_field_widget[name=applicant_phone] input",
            run: "edit 0912345678",
        },
        {
            content: "email",
            trigger: ".o_field_widget[name=applicant_email] input",
            run: "edit mai.nguyen@example.vn",
        },
        {
            content: "address",
            trigger: ".o_field_widget[name=applicant_address] input",
            run: "edit 12 Lê Lợi, phường Hạc Thành, Thanh Hóa",
        },
        {
            content: "first component provided",
            trigger: ".o_field_widget[name=component_ids] .o_data_row:nth-child(1) td[name=provided]",
            run: "click",
        },
        {
            content: "tick it",
            trigger: ".o_field_widget[name=component_ids] .o_data_row:nth-child(1) td[name=provided] input",
            run: "check",
        },
        {
            content: "second component provided",
            trigger: ".o_field_widget[name=component_ids] .o_data_row:nth-child(2) td[name=provided]",
            run: "click",
        },
        {
            content: "tick it",
            trigger: ".o_field_widget[name=component_ids] .o_data_row:nth-child(2) td[name=provided] input",
            run: "check",
        },
        screenshot("onestop-receive-1-new-dossier"),
        { content: "receive", trigger: "button[name=action_receive]", run: "click" },
        { content: "confirm", trigger: ".modal-footer .btn-primary", run: "click" },
        {
            content: "the dossier has its code and is in progress",
            trigger: ".o_field_widget[name=name] span:contains(H56)",
        },
        {
            content: "with its appointment",
            trigger: ".o_field_widget[name=appointment_at]:not(:empty)",
        },
        screenshot("onestop-receive-2-received"),
    ],
});

// The desk officer hands the received dossier to the next step.
tours.add("qms_onestop_hand_off", {
    steps: () => [
        { content: "hand off", trigger: "button[name=action_open_handoff]", run: "click" },
        {
            content: "the next step and its officer are proposed",
            trigger: ".modal .o_field_widget[name=next_step_name]:not(:empty)",
        },
        {
            content: "a note for the next officer",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Hồ sơ đủ thành phần, chuyển thẩm định.",
        },
        screenshot("onestop-handoff-1-dialog", ".modal"),
        { content: "confirm", trigger: ".modal button[name=action_confirm]", run: "click" },
        {
            content: "the hand-off button is gone: the dossier moved on",
            trigger: ".o_form_view:not(:has(button[name=action_open_handoff]))",
        },
        screenshot("onestop-handoff-2-moved"),
    ],
});

// The processing officer asks the applicant to supplement: the rule first,
// then issue and print in the same dialog; the clock stops.
tours.add("qms_onestop_request_supplement", {
    steps: () => [
        {
            content: "supplementation slip",
            trigger: "button[name=action_guidance]",
            run: "click",
        },
        {
            content: "the rule is stated before anything is written",
            trigger: ".modal .alert-info .o_field_widget[name=rule_note]:contains(1)",
        },
        {
            content: "what to supplement and why",
            trigger: ".modal .o_field_widget[name=items] textarea",
            run: "edit Bổ sung bản sao Giấy chứng sinh (bản đã nộp bị mờ, không đọc được số).",
        },
        screenshot("onestop-supplement-1-dialog", ".modal"),
        { content: "issue", trigger: ".modal button[name=action_issue]", run: "click" },
        {
            content: "the dossier waits for the applicant: the clock is stopped",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(bổ sung)",
        },
        screenshot("onestop-supplement-2-waiting"),
    ],
});

// The leader approves a notice drafted by the processing officer.
tours.add("qms_onestop_approve_notice", {
    steps: () => [
        {
            content: "the notice waits for the leader",
            trigger: ".alert-warning:contains(Đang chờ phê duyệt)",
        },
        screenshot("onestop-notice-1-awaiting"),
        { content: "agree", trigger: "button[name=validate_tier]", run: "click" },
        {
            content: "approved: it can be issued",
            trigger: "button[name=action_issue]",
        },
        screenshot("onestop-notice-2-approved"),
    ],
});

// The administrator sets up a new commune in one form.
tours.add("qms_setup_agency", {
    steps: () => [
        {
            content: "the agency's name",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit UBND xã Đông Tiến",
        },
        {
            content: "its official code",
            trigger: ".modal .o_field_widget[name=agency_code] input",
            run: "edit 000.09.30.H56",
        },
        {
            content: "its units",
            trigger: ".modal .o_field_widget[name=unit_names] textarea",
            async run(helpers) {
                await helpers.edit("Bộ phận Một cửa\nCông chức Tư pháp - Hộ tịch\nLãnh đạo UBND xã");
            },
        },
        ...[
            ["Trần Thị Hoa", "hoa.qmr.dt", "qmr"],
            ["Phạm Thu Hà", "ha.motcua.dt", "desk"],
        ].flatMap(([name, login, role]) => [
            {
                content: "add an officer",
                trigger: ".modal .o_field_widget[name=user_ids] .o_field_x2many_list_row_add a",
                run: "click",
            },
            {
                content: "name",
                trigger: ".modal .o_field_widget[name=user_ids] .o_selected_row .o_field_widget[name=name] input",
                run: `edit ${name}`,
            },
            {
                content: "login",
                trigger: ".modal .o_field_widget[name=user_ids] .o_selected_row .o_field_widget[name=login] input",
                run: `edit ${login}`,
            },
            {
                content: "role",
                trigger: ".modal .o_field_widget[name=user_ids] .o_selected_row .o_field_widget[name=role] select",
                run: `select "${role}"`,
            },
        ]),
        {
            content: "the procedures of a commune are found in the catalogue",
            trigger: ".modal .o_field_widget[name=tthc_count] span:not(:contains(0))",
        },
        screenshot("setup-1-wizard", ".modal"),
        { content: "set up", trigger: ".modal button[name=action_set_up]", run: "click" },
        {
            content: "the new agency",
            trigger: ".o_breadcrumb .active:contains(Đông Tiến)",
        },
        screenshot("setup-2-agency"),
    ],
});
