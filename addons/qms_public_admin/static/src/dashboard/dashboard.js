/** @odoo-module **/
// Copyright 2026 QMS Public Admin contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The landing page of each role: the sections qms.dashboard returns for the
 * user (counts that open their records, short lists, this month's to-do).
 */
export class QmsDashboard extends Component {
    static template = "qms_public_admin.Dashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.state = useState({ data: null });
        onWillStart(() => this.load());
    }

    async load() {
        const app = (this.props.action && this.props.action.context.qms_dashboard_app) || false;
        this.state.data = await this.orm.call("qms.dashboard", "qms_dashboard_data", [], {
            app,
        });
    }

    open(action) {
        if (action) {
            this.actionService.doAction(action);
        }
    }
}

registry.category("actions").add("qms_dashboard", QmsDashboard);
