// Generated from the api's OpenAPI document (/api/docs-json) by `npm run api:types`: do not edit.
// test/api-types.e2e-spec.ts fails when it no longer matches what the api serves.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (never touches the database) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: whether a load balancer should send this instance traffic */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in (the first account is an admin); who may is RUCHE_SIGNUP */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; with two-factor on, a challenge for POST /api/auth/login/totp instead */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for a new session (it rotates: a reused one revokes its family) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the refresh token and its session end */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account */
        get: operations["AccountController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit the caller's profile: absent fields are kept, an empty string clears, `skills` replaces the set */
        patch: operations["PeopleController_updateMe"];
        trace?: never;
    };
    "/api/admin/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a person's roles (admin); employee is always kept */
        put: operations["AccountController_setRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your open sessions (device, address, created, last seen), the current one marked */
        get: operations["SessionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out every other session: their tokens fail on next use, their sockets close */
        post: operations["SessionsController_revokeOthers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out one session (yours; another person’s is 404) */
        delete: operations["SessionsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/deactivation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Deactivate (sessions, tokens and sockets end; gone from search, routing, mentions) or reactivate an account */
        put: operations["AccountStatesController_setDeactivation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How people sign in here (password, OpenID Connect, SAML) and who may sign up: what the sign-in page offers */
        get: operations["SsoController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start OpenID Connect sign-in: a redirect to the provider (PKCE, state and nonce in a signed cookie) */
        get: operations["SsoController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back: signs the person in and redirects to /sso?code=… */
        get: operations["SsoController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade the one-time code of a single sign-on (OpenID Connect or SAML) for a session */
        post: operations["SsoController_exchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/saml/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This service provider’s SAML metadata, to give the identity provider */
        get: operations["SamlController_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/saml/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start SAML sign-in: a redirect to the identity provider with an AuthnRequest */
        get: operations["SamlController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/saml/acs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assertion consumer service: the provider’s form posts the signed Response; redirects to /sso?code=… */
        post: operations["SamlController_acs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations, newest first, with their status (admin) */
        get: operations["InvitationsController_list"];
        put?: never;
        /** Invite someone by email (admin): a sign-up link, shown once and emailed when SMTP is configured */
        post: operations["InvitationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its link stops working (admin) */
        delete: operations["InvitationsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-up setting (RUCHE_SIGNUP), with a warning while anyone may sign up (admin) */
        get: operations["InvitationsController_signup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; your other sessions end */
        post: operations["PasswordsController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a temporary password for a person (admin); they are asked to choose their own */
        put: operations["PasswordsController_reset"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of a password login with two-factor on: the challenge and a code (or a recovery code) */
        post: operations["AccountRecoveryController_loginTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the address with the token of the emailed link (what POST /api/auth/verify does) */
        get: operations["AccountRecoveryController_verifyByLink"];
        put?: never;
        /** Verify the address with the token of the emailed link (the web app’s /verify page) */
        post: operations["AccountRecoveryController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a one-hour password reset link to the address, if it has an account */
        post: operations["AccountRecoveryController_forgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token of a reset link; every session of the account ends */
        post: operations["AccountRecoveryController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether two-factor is on for your account, and how many recovery codes are left */
        get: operations["AccountSecurityController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/2fa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start two-factor enrolment: the secret, its otpauth URI and QR code, shown this once */
        post: operations["AccountSecurityController_enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/2fa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor on with a first code from the authenticator; answers the recovery codes */
        post: operations["AccountSecurityController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off with your password and a code (or a recovery code) */
        post: operations["AccountSecurityController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a new verification link to your address (the previous one stops working) */
        post: operations["AccountSecurityController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Turn off a person's two-factor (admin), when they lost their device and recovery codes */
        delete: operations["AccountSecurityController_resetTwoFactor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A password reset link for a person (admin), emailed to them too when SMTP is configured */
        post: operations["AccountSecurityController_issueResetLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** With `q`: colleagues by handle or name, best first (one page: `nextCursor` null). Without: the directory of active people by name, with title, department and location */
        get: operations["PeopleController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's profile: skills with endorsements, follow counts, manager */
        get: operations["PeopleController_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's direct reports, paged */
        get: operations["PeopleController_reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org chart around a person: their managers up to the top (nearest first) and direct reports */
        get: operations["PeopleController_org"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/manager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set (or clear, with null) a person's manager (admins); 409 manager_cycle when they would end up above themselves */
        put: operations["PeopleController_setManager"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Follow a person (idempotent) */
        put: operations["PeopleController_follow"];
        post?: never;
        /** Stop following a person (idempotent) */
        delete: operations["PeopleController_unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows a person, paged */
        get: operations["PeopleController_followers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom a person follows, paged */
        get: operations["PeopleController_following"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/skills/{skill}/endorsement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Endorse a skill a person declared (idempotent; not one's own) */
        put: operations["PeopleController_endorse"];
        post?: never;
        /** Take back an endorsement (idempotent) */
        delete: operations["PeopleController_unendorse"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import people from a CSV file: a dry run by default (a report of what would change), or apply (dryRun=false)
         * @description Header row required; columns email, displayName, department, title, location, managerEmail (email required). At most 5000 rows and 2097152 bytes. An empty cell keeps what the person has.
         */
        post: operations["PeopleImportController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import: status, progress (processed of total), the dry run report and, once applied, the outcome */
        get: operations["PeopleImportController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/imports/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a dry run (as a job; follow its progress with GET). 409 while another import applies */
        post: operations["PeopleImportController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/people/imports/{id}/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as CSV (cells that a spreadsheet would run as formulas are prefixed with ') */
        get: operations["PeopleImportController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public groups and the private groups the caller belongs to, newest first */
        get: operations["GroupsController_list"];
        put?: never;
        /** Create a group; the caller becomes its owner */
        post: operations["GroupsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group; a pending requester of a private group gets the card only (no guidelines) */
        get: operations["GroupsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit name, description, guidelines or visibility (owners and admins) */
        patch: operations["GroupsController_update"];
        trace?: never;
    };
    "/api/groups/{id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a public group, or ask to join a private one (idempotent) */
        post: operations["GroupsController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending join requests, oldest first (owners and admins) */
        get: operations["GroupsController_requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/requests/{userId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending join request (owners and admins): the requester becomes a member */
        post: operations["GroupsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/requests/{userId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending join request (owners and admins) */
        post: operations["GroupsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members in join order, with their roles */
        get: operations["GroupsController_members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a member's role (owners); `owner` shares ownership */
        put: operations["GroupsController_setRole"];
        post?: never;
        /** Leave (self; also withdraws a pending request) or remove a member (owners; admins: members only) */
        delete: operations["GroupsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/bans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bans in force, newest first (owners, admins, moderators) */
        get: operations["GroupsController_listBans"];
        put?: never;
        /** Ban someone from the group (owners, admins, moderators); removes their membership */
        post: operations["GroupsController_ban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/bans/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift the ban in force */
        delete: operations["GroupsController_unban"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/group-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My pending requests to join groups, newest first; withdraw one with DELETE /groups/:id/members/<my id> */
        get: operations["MyGroupsController_requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload one file (multipart, field "file"): typed from its content, scanned, images cleaned of metadata
         * @description Attach it with attachmentIds when writing a post, comment, question, answer or idea; unattached, it is deleted after a day.
         */
        post: operations["FilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download: with a bearer token (as visible as its item), or with the signed link from a view (?exp=…&sig=…) */
        get: operations["FilesController_original"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Describe an image (alt text): its uploader only */
        patch: operations["FilesController_describe"];
        trace?: never;
    };
    "/api/files/{id}/{variant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image’s thumbnail (400 px) or web rendition (1600 px), WebP; same access as the file */
        get: operations["FilesController_variant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make one of your uploads your photo (PNG, JPEG or WebP)
         * @description Shown instead of the generated avatar wherever you appear; the previous photo is deleted a day later.
         */
        put: operations["AvatarsController_set"];
        post?: never;
        /** Remove your photo: the generated avatar shows again */
        delete: operations["AvatarsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/avatar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person's photo (WebP, at most 400 px): at the avatarUrl of their summary, or with a bearer token
         * @description With `v`, the version the summary names, no token is needed (an `<img>` sends none; the version is unguessable and changes with the photo). Without `v`, a bearer token (401 otherwise) gets the current photo. Another version, no photo, or a person no longer active: 404.
         */
        get: operations["AvatarsController_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/link-previews/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosts link previews may (allow) or may not (deny) be fetched from (admin) */
        get: operations["LinkPreviewsController_rules"];
        /** Replace the host rules of link previews (admin): a deny wins; any allow makes it an allow-list */
        put: operations["LinkPreviewsController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a post, company-wide or in a group the caller belongs to, with attachments or a poll */
        post: operations["PostsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post the caller may see */
        get: operations["PostsController_get"];
        put?: never;
        post?: never;
        /** Delete a post (its author, a moderator, or an owner or admin of its group) */
        delete: operations["PostsController_remove"];
        options?: never;
        head?: never;
        /** Edit a post's text and attachments (its author) */
        patch: operations["PostsController_update"];
        trace?: never;
    };
    "/api/posts/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's comments, oldest first */
        get: operations["PostsController_listComments"];
        put?: never;
        /** Comment on a post the caller may see */
        post: operations["PostsController_addComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/posts/{id}/reactions/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** React to a post (idempotent) */
        put: operations["PostsController_react"];
        post?: never;
        /** Take back a reaction (idempotent) */
        delete: operations["PostsController_unreact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's home feed, newest first (own posts, people followed, mentions, their groups); `scope=company`: company-wide posts and public groups' posts */
        get: operations["TimelineController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's posts, newest first */
        get: operations["TimelineController_groupFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person's posts the caller may see, newest first */
        get: operations["TimelineController_byAuthor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment (its author, a moderator, or an owner or admin of the post's group) */
        delete: operations["CommentsController_remove"];
        options?: never;
        head?: never;
        /** Edit a comment's text and attachments (its author); the previous text joins its history */
        patch: operations["CommentsController_update"];
        trace?: never;
    };
    "/api/comments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comment's earlier texts, newest first (moderators) */
        get: operations["CommentsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/posts/{id}/poll/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Vote in a post's poll; the choice replaces any previous one */
        put: operations["PollsController_vote"];
        post?: never;
        /** Withdraw the caller's vote (idempotent) */
        delete: operations["PollsController_retract"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/trending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trending hashtags: the most used in the last 7 days in posts the caller may see */
        get: operations["TrendingTopicsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns, newest first; drafts only for the innovation team */
        get: operations["CampaignsController_list"];
        put?: never;
        /** Draft an idea campaign (the innovation team) */
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign */
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft campaign (the innovation team) */
        patch: operations["CampaignsController_update"];
        trace?: never;
    };
    "/api/campaigns/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a draft campaign to ideas and votes */
        post: operations["CampaignsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an open campaign to review: the top ideas go to the review panel */
        post: operations["CampaignsController_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a campaign in review */
        post: operations["CampaignsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/ideas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's ideas (merged duplicates left out): `sort=top` most votes first, `sort=new` newest first */
        get: operations["CampaignsController_listIdeas"];
        put?: never;
        /** Submit an idea to an open campaign */
        post: operations["CampaignsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/ideas/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ideas of the campaign with a title like this one: read them before submitting */
        get: operations["CampaignsController_similar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/campaigns/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's figures and its leaderboard */
        get: operations["CampaignsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One idea, with its reviews and implementation */
        get: operations["IdeasController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an idea's title or description (its author, while submitted) */
        patch: operations["IdeasController_update"];
        trace?: never;
    };
    "/api/ideas/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Vote for an idea (idempotent) */
        put: operations["IdeasController_vote"];
        post?: never;
        /** Take back a vote (idempotent) */
        delete: operations["IdeasController_unvote"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An idea's comments, oldest first */
        get: operations["IdeasController_listComments"];
        put?: never;
        /** Comment on an idea */
        post: operations["IdeasController_addComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review an idea in review (a reviewer of its campaign) */
        post: operations["IdeasController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide on an idea: select, reject or mark implemented (the innovation team) */
        post: operations["IdeasController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate idea into another of the same campaign (the innovation team) */
        post: operations["IdeasController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ideas/{id}/implementation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a selected idea's implementation: owner, progress, milestones (the innovation team) */
        patch: operations["IdeasController_updateImplementation"];
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own reports, newest first, with their status */
        get: operations["ReportsController_mine"];
        put?: never;
        /** Report content for review; reporting the same content again returns the same report (200) */
        post: operations["ReportsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases the caller may decide on, oldest first (moderators: all; group owners and admins: their groups) */
        get: operations["ModerationController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/reports/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide on a case (by any of its report ids, or the case id): dismiss, hide or remove */
        post: operations["ModerationController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (moderators and admins); read-only */
        get: operations["ModerationController_auditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/moderation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The auto-hide threshold and the blocked terms (moderators and admins) */
        get: operations["ModerationController_getSettings"];
        /** Change the auto-hide threshold and/or replace the blocked terms (moderators and admins) */
        put: operations["ModerationController_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guidelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current company guidelines and whether the caller must accept them */
        get: operations["GuidelinesController_current"];
        /** Publish a new version (admins); everyone must accept it again before posting */
        put: operations["GuidelinesController_publish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guidelines/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the current version (idempotent) */
        post: operations["GuidelinesController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Suspend (cannot log in, tokens stop working) or reinstate an account (admins) */
        put: operations["SuspensionsController_setSuspension"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/experts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who knows about X? People ranked for a free-text query, with the reasons for their rank */
        get: operations["ExpertiseController_experts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/skill-synonyms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The skill synonym table (admin) */
        get: operations["ExpertiseController_listSynonyms"];
        /** Replace the skill synonym table (admin); stored expertise is re-keyed */
        put: operations["ExpertiseController_replaceSynonyms"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/{topic}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A topic's page: its experts, open questions and recent answers (what you may see), who follows and helps */
        get: operations["TopicsController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The topics you follow and help with (and your weekly caps) */
        get: operations["TopicsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/{topic}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Follow a topic */
        put: operations["TopicsController_follow"];
        post?: never;
        /** Stop following a topic */
        delete: operations["TopicsController_unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/topics/{topic}/helper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Volunteer as a helper for a topic, asked at most weeklyCap times in any 7 days (or change the cap) */
        put: operations["TopicsController_help"];
        post?: never;
        /** Stop volunteering as a helper for a topic */
        delete: operations["TopicsController_stopHelping"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mentoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your mentoring profile: the skills you mentor on, availability and capacity */
        get: operations["MentoringController_profile"];
        /** The skills you are willing to mentor on, whether you take mentees now, and how many at once */
        put: operations["MentoringController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/mentoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The skills a person is willing to mentor on and whether they take a mentee now (never their requests) */
        get: operations["MentoringController_publicProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentoring/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your mentoring requests, as mentee or mentor, newest first */
        get: operations["MentoringController_list"];
        put?: never;
        /** Ask for a guide on a skill: paired at once with a willing, available expert, or waiting for one */
        post: operations["MentoringController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentoring/requests/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a request (its mentee or mentor; idempotent) */
        post: operations["MentoringController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mentoring/requests/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The mentee confirms a closed pairing took place (it counts toward the Mentor badge after 14 days or more) */
        post: operations["MentoringController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questions, newest first; by topic, status, or routed to you (for=me) */
        get: operations["QuestionsController_list"];
        put?: never;
        /** Ask: the best experts on the topics (up to 5, not you) are asked at once; routedTo says who */
        post: operations["QuestionsController_ask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Existing questions with a title like this one: read them before asking again */
        get: operations["QuestionsController_similar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One question the caller may see, with its answers */
        get: operations["QuestionsController_get"];
        put?: never;
        post?: never;
        /** Delete a question (its asker or a moderator) */
        delete: operations["QuestionEditsController_removeQuestion"];
        options?: never;
        head?: never;
        /** Edit a question's title, body, topics or attachments (its asker); the previous text joins its history */
        patch: operations["QuestionEditsController_updateQuestion"];
        trace?: never;
    };
    "/api/questions/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question the caller may see */
        post: operations["QuestionsController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The asker accepts one answer to their question */
        post: operations["QuestionsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** I'm on it: one active claim per question, for RUCHE_CLAIM_MINUTES */
        post: operations["QuestionsController_claim"];
        /** Release the caller's claim (idempotent when unclaimed) */
        delete: operations["QuestionsController_release"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upvote an answer (idempotent) */
        put: operations["QuestionsController_vote"];
        post?: never;
        /** Take back an upvote (idempotent) */
        delete: operations["QuestionsController_unvote"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/unanswered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unanswered queue (moderators, admins, innovation): questions nobody answered after the last routing round, most recent first; each with unansweredAt */
        get: operations["QuestionQueueController_unanswered"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A question's earlier titles and texts, newest first (moderators) */
        get: operations["QuestionEditsController_questionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/answers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an answer (its author or a moderator); an accepted one reopens its question */
        delete: operations["QuestionEditsController_removeAnswer"];
        options?: never;
        head?: never;
        /** Edit an answer's text and attachments (its author); the previous text joins its history */
        patch: operations["QuestionEditsController_updateAnswer"];
        trace?: never;
    };
    "/api/answers/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An answer's earlier texts, newest first (moderators) */
        get: operations["QuestionEditsController_answerHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/helpers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's monthly “who helped” digest, for its owners and admins (404 for a private group you are not in, 403 for other non-managers) */
        get: operations["RecognitionController_helpers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kudos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Thank someone for an answer, an idea review or a post you can see (not your own) */
        post: operations["RecognitionController_give"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/kudos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take back kudos you gave */
        delete: operations["RecognitionController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/kudos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kudos a person received and gave, newest first (targets you may see; opted-out recipients' only to them and the giver) */
        get: operations["RecognitionController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's badges (empty to others when they opted out of public recognition) */
        get: operations["RecognitionController_badgesOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every badge and its rule */
        get: operations["RecognitionController_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/recognition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether your kudos and badges are shown publicly */
        get: operations["RecognitionController_mine"];
        /** Opt out of (or back into) public recognition */
        put: operations["RecognitionController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mine, unread first; pinned=true: published, not expired, not yet read by me */
        get: operations["AnnouncementsController_list"];
        put?: never;
        /** Publish a must-read announcement: company-wide (admins) or to a group (its owners and admins), now or at publishAt */
        post: operations["AnnouncementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One announcement its audience (or an announcer) may see */
        get: operations["AnnouncementsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/announcements/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark it read (idempotent): it unpins */
        post: operations["AnnouncementsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/announcements/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read and unread, overall and by department, and the people (author and admins) */
        get: operations["AnnouncementsController_receipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/announcements/{id}/remind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remind the unread (author and admins), once a day */
        post: operations["AnnouncementsController_remind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's notifications, newest first (only those about what they may still see) */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the caller's notifications are unread (the bell's badge) */
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark some (`ids`), those of some kinds (`kinds`: a category) or all (`all: true`) notifications read; exactly one of the three */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which kinds of notification the caller gets, and the email digest setting */
        get: operations["NotificationsController_preferences"];
        /** Turn kinds on or off; kinds not given keep their setting */
        put: operations["NotificationsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/mutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts and groups the caller muted, newest first */
        get: operations["NotificationsController_mutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/mutes/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** No more notifications about this post (comments, reactions, mentions) or this group */
        put: operations["NotificationsController_mute"];
        post?: never;
        /** Notifications about this post or group again (idempotent) */
        delete: operations["NotificationsController_unmute"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened for me since `since` (default: the last 24 hours) */
        get: operations["DigestController_digest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adoption and value over a period of UTC days (default: the last 30), with breakdowns by day and department */
        get: operations["AnalyticsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per department of 5 people or more: depth, answered rate, time to first answer, cross-department replies, idea participation, against the period before */
        get: operations["AnalyticsController_departmentList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/departments/{department}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One department's figures and its three most useful next actions */
        get: operations["AnalyticsController_department"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The period by day, as CSV (one row per day) */
        get: operations["AnalyticsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/groups/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's community health over the last weeks, with its 0–100 score, trend and unanswered posts */
        get: operations["GroupHealthController_groupHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One search over posts, people, groups, ideas and questions, ranked, with snippets; only what the caller may see */
        get: operations["SearchController_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published paths you may read, newest first; `filter=mine` those you follow, `filter=managed` those you may edit */
        get: operations["TrainingController_list"];
        put?: never;
        /** Draft a training path: the company's (admins) or a group's for its newcomers (the group's owners and admins) */
        post: operations["TrainingController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/training": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The paths you follow with your progress, unfinished first (the first-run checklist) */
        get: operations["TrainingController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One path, with your progress when you follow it */
        get: operations["TrainingController_get"];
        put?: never;
        post?: never;
        /** Delete a draft (whoever may edit it) */
        delete: operations["TrainingController_remove"];
        options?: never;
        head?: never;
        /** Change a draft (its title, description, steps) */
        patch: operations["TrainingController_update"];
        trace?: never;
    };
    "/api/training/paths/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: new employees, new members or new community owners are given it from now on */
        post: operations["TrainingController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop giving the path to anyone new; those following it keep it */
        post: operations["TrainingController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths/{id}/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a published path (idempotent) */
        post: operations["TrainingController_enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths/{id}/steps/{stepId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick a reading step of a path you follow (the other steps are done by doing what they ask) */
        post: operations["TrainingController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/paths/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How far the people given the path have got, per step and by department (the path's owners) */
        get: operations["TrainingController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Colleagues to follow, public groups to join and skills to declare, for the caller (the first-run screen)
         * @description Colleagues: manager, direct reports, same department, then people sharing a group; never oneself, someone already followed or an inactive account. Groups: public ones only, not joined, requested or banned from. Skills: the most declared in the department, not yet declared.
         */
        get: operations["FirstRunController_suggestions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/first-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first-run screen is due for the caller, and how it ended */
        get: operations["FirstRunController_state"];
        /** Finish or skip the first run (idempotent: the first answer stays) */
        put: operations["FirstRunController_finish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for an archive of your data (JSON per module and your files); one at a time: the running one is answered */
        post: operations["PrivacyController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your recent exports, newest first */
        get: operations["PrivacyController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your exports: status and progress (anyone else’s is 404) */
        get: operations["PrivacyController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download your archive (zip), for a day after it is ready; then 404 */
        get: operations["PrivacyController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase your account (final): your handle typed again and your password when you have one */
        post: operations["PrivacyController_eraseSelf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase someone's account (final): their handle typed again to confirm */
        post: operations["PrivacyController_eraseUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/email/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unsubscribe page of a signed link (no sign-in); the button POSTs */
        get: operations["EmailController_confirm"];
        put?: never;
        /** One-click unsubscribe (RFC 8058) from a signed link; turns that email off */
        post: operations["EmailController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/email/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Addresses no email is sent to (bounces, permanent refusals), newest first (admin) */
        get: operations["EmailController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/email/suppressions/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a suppression: email is sent to the address again (admin) */
        delete: operations["EmailController_lift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key to subscribe with, how many of your browsers are subscribed, your quiet hours */
        get: operations["PushController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe this browser (the body is the browser's PushSubscription as JSON) */
        post: operations["PushController_subscribe"];
        /** Unsubscribe a browser of yours by its endpoint (idempotent) */
        delete: operations["PushController_unsubscribe"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/quiet-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** When nothing is pushed to you, in your time zone (both null: never quiet) */
        put: operations["PushController_quietHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test notification to every browser of yours (quiet hours do not apply) */
        post: operations["PushController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthView: {
            /** @enum {string} */
            status: "ok";
            /**
             * @description What the last readiness check saw
             * @enum {string}
             */
            db: "up" | "down";
        };
        ReadyView: {
            /** @enum {string} */
            status: "ready";
            /** @enum {string} */
            db: "up";
        };
        RegisterDto: {
            /** @example alice@corp.example */
            email: string;
            password: string;
            displayName: string;
            /** @description The token of an invitation link (required when RUCHE_SIGNUP=invite) */
            invitationToken?: string;
        };
        UserView: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @description Unique, for @mentions */
            handle: string;
            displayName: string;
            roles: ("employee" | "innovation" | "moderator" | "admin")[];
            /** @enum {string} */
            status: "active" | "suspended" | "deactivated" | "erased";
            /** Format: date-time */
            createdAt: string;
            /** @description False while the address waits for its verification link (#15): the account may read, not post */
            emailVerified: boolean;
            /** @description An admin set a temporary password: the person is asked to choose their own */
            mustChangePassword: boolean;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
        };
        SessionView: {
            user: components["schemas"]["UserView"];
            /** @description Bearer token for the API and the socket */
            accessToken: string;
            /** @description Traded once at POST /api/auth/refresh for a new session; a reused one ends its family */
            refreshToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
        };
        TotpChallengeView: {
            /** @enum {boolean} */
            totpRequired: true;
            /** @description Send it back with a code to `POST /api/auth/login/totp`; it works once, for five minutes */
            challenge: string;
            /** @description Seconds the challenge stays valid */
            expiresIn: number;
        };
        LoginDto: {
            email: string;
            password: string;
        };
        RefreshDto: {
            refreshToken: string;
        };
        SetRolesDto: {
            roles: ("employee" | "innovation" | "moderator" | "admin")[];
        };
        ActiveSessionView: {
            /** Format: uuid */
            id: string;
            /** @description "Firefox 131 on Linux", from the user agent of the sign-in (or the latest refresh) */
            device: string;
            userAgent: string | null;
            /** @description The client address of the sign-in (or the latest refresh) */
            address: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When its access token was last refreshed (not every request)
             */
            lastSeenAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description The session of the access token making this request */
            current: boolean;
        };
        RevokedSessionsView: {
            /** @description How many other sessions were signed out */
            revoked: number;
        };
        DeactivationDto: {
            /** @description true deactivates the account (reversible), false reactivates it (a suspension stays) */
            deactivated: boolean;
            /** @description Recorded in the audit log */
            reason?: string;
        };
        SignInProvidersView: {
            /** @description Password sign-in is on */
            password: boolean;
            /** @description OpenID Connect single sign-on is configured: the sign-in page offers `/api/auth/oidc/login` */
            oidc: boolean;
            /** @description SAML single sign-on is configured: the sign-in page offers `/api/auth/saml/login` */
            saml: boolean;
            /** @enum {string} */
            signup: "open" | "domains" | "invite";
            signupDomains: string[];
        };
        SsoExchangeDto: {
            /** @description The one-time code the callback put in the web app’s address */
            code: string;
        };
        SsoSessionView: {
            user: components["schemas"]["UserView"];
            /** @description Bearer token for the API and the socket */
            accessToken: string;
            /** @description Traded once at POST /api/auth/refresh for a new session; a reused one ends its family */
            refreshToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Where to send the browser after signing out, to end the provider's session too (null: it offers none) */
            endSessionUrl: string | null;
        };
        SamlAcsDto: {
            /** @description The base64 SAML Response */
            SAMLResponse: string;
            /** @description The RelayState the login step sent */
            RelayState?: string;
        };
        CreateInvitationDto: {
            /** @example new.colleague@corp.example */
            email: string;
            /** @description Roles the account gets (employee always) */
            roles?: ("employee" | "innovation" | "moderator" | "admin")[];
        };
        CreatedInvitationView: {
            /** Format: uuid */
            id: string;
            email: string;
            roles: ("employee" | "innovation" | "moderator" | "admin")[];
            /** @enum {string} */
            status: "pending" | "redeemed" | "revoked" | "expired";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            redeemedAt: string | null;
            /** @description The sign-up link with the invitation token, shown this once */
            link: string;
            /** @description The link was also emailed to the address (SMTP configured); otherwise the admin hands it over */
            emailed: boolean;
        };
        InvitationView: {
            /** Format: uuid */
            id: string;
            email: string;
            roles: ("employee" | "innovation" | "moderator" | "admin")[];
            /** @enum {string} */
            status: "pending" | "redeemed" | "revoked" | "expired";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            redeemedAt: string | null;
        };
        SignupSettingsView: {
            /** @enum {string} */
            mode: "open" | "domains" | "invite";
            domains: string[];
            /** @description Passwords on and mode `open`: anyone who reaches the server can create an account */
            open: boolean;
            warning: string | null;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        ResetPasswordDto: {
            newPassword: string;
        };
        LoginTotpDto: {
            /** @description What the password step answered */
            challenge: string;
            /**
             * @description From the authenticator app
             * @example 123456
             */
            code?: string;
            /**
             * @description One of the recovery codes (works once)
             * @example k7m2-9xqp-4tz8
             */
            recoveryCode?: string;
        };
        EmailVerifiedView: {
            /** @enum {boolean} */
            verified: true;
        };
        VerifyEmailDto: {
            /** @description From the verification link */
            token: string;
        };
        ForgotPasswordDto: {
            /** @example ada@corp.example */
            email: string;
        };
        ResetPasswordWithTokenDto: {
            /** @description From the reset link */
            token: string;
            password: string;
        };
        TwoFactorStatusView: {
            /** @description A password account (SSO-only accounts sign in at their provider, which owns their second factor) */
            applicable: boolean;
            enabled: boolean;
            /** Format: date-time */
            enabledAt: string | null;
            recoveryCodesLeft: number;
        };
        TotpEnrolmentView: {
            /** @description Base32, for typing into an authenticator by hand. Shown now, never again */
            secret: string;
            /** @description `otpauth://totp/...` */
            uri: string;
            /** @description The URI as a QR code, a `data:image/png;base64,...` URL */
            qrCode: string;
        };
        ConfirmTotpDto: {
            /**
             * @description From the authenticator app
             * @example 123456
             */
            code?: string;
        };
        RecoveryCodesView: {
            /** @description Each works once instead of a code; shown this once */
            recoveryCodes: string[];
        };
        DisableTotpDto: {
            password: string;
            /**
             * @description From the authenticator app
             * @example 123456
             */
            code?: string;
            /**
             * @description One of the recovery codes (works once)
             * @example k7m2-9xqp-4tz8
             */
            recoveryCode?: string;
        };
        PasswordResetLinkView: {
            link: string;
            /** Format: date-time */
            expiresAt: string;
            emailed: boolean;
        };
        DirectoryEntryView: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
            title: string;
            department: string;
            location: string;
        };
        UserSummaryView: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
        };
        ProfileSkillView: {
            /** @description As first declared */
            name: string;
            /** @description The normalised key, usable in `/users/:id/skills/:skill/endorsement` */
            skill: string;
            endorsements: number;
            endorsedByMe: boolean;
        };
        OrgPerson: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
            title: string;
            department: string;
            location: string;
            reportsCount: number;
        };
        ProfileView: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
            title: string;
            department: string;
            location: string;
            /** @description Markdown */
            bio: string;
            /** @description `bio` rendered once on the server: Markdown as sanitised HTML */
            bioHtml: string;
            /**
             * @description Only on one's own profile (null: not set, English)
             * @enum {string|null}
             */
            locale?: "en" | "fr" | null;
            /** @description Only on one's own profile (null: not set, UTC) */
            timeZone?: string | null;
            skills: components["schemas"]["ProfileSkillView"][];
            followers: number;
            following: number;
            followedByMe: boolean;
            /** @description Who the person reports to; a deactivated manager says so */
            manager: components["schemas"]["OrgPerson"] | null;
            /** @description How many people report to them directly */
            reportsCount: number;
        };
        OrgChartView: {
            person: components["schemas"]["OrgPerson"];
            /** @description Nearest first, up to the top */
            managers: components["schemas"]["OrgPerson"][];
            /** @description Direct reports by name */
            reports: components["schemas"]["OrgPerson"][];
            /** @description More direct reports than the chart shows: page through `GET /api/users/:id/reports` */
            moreReports: boolean;
        };
        SetManagerDto: {
            /**
             * Format: uuid
             * @description The new manager, or null to clear it
             */
            managerId: string | null;
        };
        UpdateMeDto: {
            displayName?: string;
            title?: string;
            department?: string;
            location?: string;
            bio?: string;
            /** @description Replaces the declared skills (at most 50, 60 characters each). Spellings that differ only in case, spacing or accents are one skill. */
            skills?: string[];
            /**
             * @description The language of emails and digests (BCP 47: en or fr)
             * @enum {string}
             */
            locale?: "en" | "fr";
            /**
             * @description An IANA time zone, for emails, digests and schedules
             * @example Europe/Paris
             */
            timeZone?: string;
        };
        ImportChangeView: {
            /**
             * @description `manager` is shown by email
             * @enum {string}
             */
            field: "displayName" | "title" | "department" | "location" | "manager";
            before: string;
            after: string;
        };
        ImportRowReportView: {
            /** @description Line in the file (the header is line 1) */
            line: number;
            email: string;
            /** @enum {string} */
            action: "create" | "update" | "unchanged" | "error";
            changes: components["schemas"]["ImportChangeView"][];
            errors: string[];
        };
        ImportReportView: {
            total: number;
            create: number;
            update: number;
            unchanged: number;
            errors: number;
            /** @description In the file's order */
            rows: components["schemas"]["ImportRowReportView"][];
        };
        PeopleImportView: {
            /** Format: uuid */
            id: string;
            fileName: string;
            /**
             * @description dry_run: checked, nothing written yet; queued/applying: the job is on it; applied; failed (`error` says why)
             * @enum {string}
             */
            status: "dry_run" | "queued" | "applying" | "applied" | "failed";
            /** @description Rows in the file */
            total: number;
            /** @description Rows the job has gone through (progress while applying) */
            processed: number;
            /** @description What the dry run found the file would change */
            report: components["schemas"]["ImportReportView"];
            /** @description What applying did, row by row (checked again against the company as it was then); null until applied */
            result: components["schemas"]["ImportReportView"] | null;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        CreateGroupDto: {
            name: string;
            description?: string;
            /** @description Community guidelines, Markdown (also returned rendered and sanitised, `guidelinesHtml`) */
            guidelines?: string;
            /** @enum {string} */
            visibility: "public" | "private";
            /** @description The group's email address is <handle>@<SMTP_INBOUND_DOMAIN>; omitted on create: made from the name */
            handle?: string;
        };
        GroupView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Unique; the group's email address is <handle>@<SMTP_INBOUND_DOMAIN> */
            handle: string;
            description: string;
            /** @description `description` rendered once on the server: Markdown as sanitised HTML */
            descriptionHtml: string;
            /** @enum {string} */
            visibility: "public" | "private";
            /** @description Owners, admins and members (pending requests are not counted) */
            memberCount: number;
            /**
             * @description The caller's role, null when not a member
             * @enum {string|null}
             */
            myRole: "owner" | "admin" | "member" | "pending" | null;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Community guidelines, Markdown; absent for a pending requester of a private group */
            guidelines?: string;
            /** @description `guidelines` rendered once on the server: Markdown as sanitised HTML; absent as `guidelines` is */
            guidelinesHtml?: string;
        };
        GroupCardView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Unique; the group's email address is <handle>@<SMTP_INBOUND_DOMAIN> */
            handle: string;
            description: string;
            /** @description `description` rendered once on the server: Markdown as sanitised HTML */
            descriptionHtml: string;
            /** @enum {string} */
            visibility: "public" | "private";
            /** @description Owners, admins and members (pending requests are not counted) */
            memberCount: number;
            /**
             * @description The caller's role, null when not a member
             * @enum {string|null}
             */
            myRole: "owner" | "admin" | "member" | "pending" | null;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdateGroupDto: {
            name?: string;
            description?: string;
            /** @description Community guidelines, Markdown */
            guidelines?: string;
            /** @enum {string} */
            visibility?: "public" | "private";
            /** @description The group's email address is <handle>@<SMTP_INBOUND_DOMAIN>; omitted on create: made from the name */
            handle?: string;
        };
        JoinView: {
            /** Format: uuid */
            groupId: string;
            /**
             * @description `member` for a public group, `pending` for a private one (or the role already held)
             * @enum {string}
             */
            myRole: "owner" | "admin" | "member" | "pending";
        };
        JoinRequestView: {
            user: components["schemas"]["UserSummaryView"];
            /** Format: date-time */
            requestedAt: string;
        };
        RequestDecisionView: {
            /** Format: uuid */
            groupId: string;
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            decision: "approved" | "rejected";
            /** @enum {string|null} */
            role: "member" | null;
        };
        MemberView: {
            user: components["schemas"]["UserSummaryView"];
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /** Format: date-time */
            joinedAt: string;
        };
        SetRoleDto: {
            /**
             * @description `owner` shares ownership; the previous owner stays owner until they step down
             * @enum {string}
             */
            role: "owner" | "admin" | "member";
        };
        CreateBanDto: {
            /** Format: uuid */
            userId: string;
            /**
             * Format: date-time
             * @description When the ban ends (in the future); omit for a ban until lifted
             */
            until?: string;
            reason: string;
        };
        BanView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string;
            user: components["schemas"]["UserSummaryView"];
            /**
             * Format: date-time
             * @description null: until lifted
             */
            until: string | null;
            reason: string;
            /** Format: uuid */
            bannedBy: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        MyJoinRequestView: {
            group: components["schemas"]["GroupCardView"];
            /** Format: date-time */
            requestedAt: string;
        };
        FileViewDto: {
            /** Format: uuid */
            id: string;
            name: string;
            size: number;
            /** @example image/png */
            contentType: string;
            width?: number;
            height?: number;
            alt?: string;
            sha256: string;
        };
        AltDto: {
            /** @description What the image shows, for people who cannot see it; empty clears it */
            alt?: Record<string, never>;
        };
        SetAvatarDto: {
            /**
             * Format: uuid
             * @description An image you uploaded (POST /api/files): PNG, JPEG or WebP
             */
            fileId: string;
        };
        AvatarView: {
            /** @description The link person summaries now carry as avatarUrl; null: the generated avatar shows */
            avatarUrl: string | null;
        };
        LinkPreviewRuleDto: {
            /**
             * @description A host; the rule covers its subdomains too
             * @example example.com
             */
            host: string;
            /** @enum {string} */
            rule: "allow" | "deny";
        };
        LinkPreviewRulesDto: {
            /** @description The whole list. A deny wins; with any allow rule, only allowed hosts are fetched. */
            rules: components["schemas"]["LinkPreviewRuleDto"][];
        };
        CreatePollDto: {
            /** @description Omit (or empty) to let the post ask the question */
            question?: string;
            /** @description Each 1..200 characters, no two alike (case aside), in the order shown */
            options: string[];
            /** @description true: a voter may choose several options; false: exactly one */
            multiple: boolean;
            /**
             * Format: date-time
             * @description When voting closes: in the future, within 366 days; omit: never
             */
            closesAt?: string;
        };
        CreatePostDto: {
            /** @description Plain text; @handle mentions are resolved */
            body: string;
            /**
             * Format: uuid
             * @description Post into this group; omit or null for company-wide
             */
            groupId?: string | null;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
            /** @description A poll carried by the post; fixed once the post exists */
            poll?: components["schemas"]["CreatePollDto"];
        };
        ReactionCountsView: {
            like: number;
            celebrate: number;
            insightful: number;
            support: number;
        };
        LinkPreviewImageDto: {
            /** @description Signed, short-lived link to the stored image (a thumbnail) */
            url: string;
            width?: number;
            height?: number;
        };
        LinkPreviewViewDto: {
            /** @description The link, normalised (no fragment) */
            url: string;
            /** @description The host of the page that answered, without www. */
            host: string;
            /** @description Plain text, never HTML */
            title: string | null;
            /** @description Plain text, never HTML */
            description: string | null;
            siteName: string | null;
            image?: components["schemas"]["LinkPreviewImageDto"];
        };
        AttachmentView: {
            /** Format: uuid */
            id: string;
            name: string;
            size: number;
            /** @example image/png */
            contentType: string;
            width?: number;
            height?: number;
            alt?: string;
            /** @description Signed, short-lived: works without a bearer token (img src, download link) */
            url: string;
            /** @description Images: a 400 px WebP thumbnail, signed like url */
            thumbnailUrl?: string;
        };
        PollOptionView: {
            /** Format: uuid */
            id: string;
            text: string;
            /** @description People who chose it (exact) */
            votes: number;
        };
        PollView: {
            /** Format: uuid */
            id: string;
            question: string | null;
            options: components["schemas"]["PollOptionView"][];
            multiple: boolean;
            /** Format: date-time */
            closesAt: string | null;
            /** @description Voting is over (closesAt reached) */
            closed: boolean;
            /** @description People with at least one choice */
            totalVoters: number;
            /** @description The caller's choices (always [] in realtime events) */
            myVotes: string[];
        };
        ModerationMarkerView: {
            /** @enum {string} */
            state: "hidden" | "removed" | "held";
        };
        PostView: {
            author: components["schemas"]["UserSummaryView"];
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Ids of the people mentioned */
            mentions: string[];
            /** @description The people mentioned, for rendering @handles */
            mentionedUsers: components["schemas"]["UserSummaryView"][];
            commentCount: number;
            reactions: components["schemas"]["ReactionCountsView"];
            /** @description The caller's reactions (always [] in realtime events) */
            myReactions: ("like" | "celebrate" | "insightful" | "support")[];
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached, in the order given; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** @description The poll the post carries, null if none */
            poll: components["schemas"]["PollView"] | null;
            /** @description Only on moderated content, which only moderators (and, for `held`, the author) see */
            moderation?: components["schemas"]["ModerationMarkerView"];
        };
        UpdatePostDto: {
            /** @description Plain text; mentions are resolved again */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        CreateCommentDto: {
            /** @description Markdown; @handle mentions are resolved */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        CommentView: {
            author: components["schemas"]["UserSummaryView"];
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            postId: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last edit by its author ("edited"), null if never
             */
            editedAt: string | null;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** @description Only on moderated comments */
            moderation?: components["schemas"]["ModerationMarkerView"];
        };
        ReactionsView: {
            reactions: components["schemas"]["ReactionCountsView"];
            myReactions: ("like" | "celebrate" | "insightful" | "support")[];
        };
        UpdateCommentDto: {
            /** @description Markdown; mentions are resolved again */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        RevisionView: {
            /** @description The text before the edit */
            body: string;
            /** @description Only for questions: the title before the edit */
            title?: string;
            /** Format: date-time */
            editedAt: string;
            editedBy: components["schemas"]["UserSummaryView"];
        };
        VotePollDto: {
            /** @description The caller's whole choice (replaces any previous one): exactly one id in a single-choice poll */
            optionIds: string[];
        };
        TrendingTopicView: {
            /**
             * @description The hashtag, lower-cased, without its #
             * @example onboarding
             */
            tag: string;
            /**
             * @description Posts carrying it in the window that the caller may see
             * @example 3
             */
            posts: number;
        };
        TrendingTopicsView: {
            items: components["schemas"]["TrendingTopicView"][];
            /**
             * Format: date-time
             * @description Start of the window (now minus 7 days)
             */
            since: string;
        };
        CriterionDto: {
            /** @description Unique within the campaign (ignoring case); the key of review scores */
            name: string;
            /** @description Relative weight in the review score */
            weight: number;
            /** @description What a score of 1 means here, e.g. "costly" for Cost */
            low?: string;
            /** @description What a score of 5 means here, e.g. "cheap" for Cost */
            high?: string;
        };
        CreateCampaignDto: {
            title: string;
            /** @description Plain text or Markdown: the strategic question asked */
            description: string;
            topics?: string[];
            criteria: components["schemas"]["CriterionDto"][];
            /** @description The expert panel: existing users */
            reviewerIds: string[];
            /** @description How many ideas (by votes) advance to expert review */
            advanceTopN: number;
            /**
             * Format: date-time
             * @description The deadline (in the future): once open, the campaign advances by itself then; omit: no deadline
             */
            closesAt?: string;
        };
        CriterionView: {
            name: string;
            weight: number;
            /** @description What a score of 1 means; absent: the generic "weak" */
            low?: string;
            /** @description What a score of 5 means; absent: the generic "excellent" */
            high?: string;
        };
        TransitionView: {
            /** @enum {string} */
            status: "draft" | "open" | "review" | "closed";
            by: components["schemas"]["UserSummaryView"] | null;
            /** Format: date-time */
            at: string;
        };
        CampaignView: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            topics: string[];
            criteria: components["schemas"]["CriterionView"][];
            reviewerIds: string[];
            /** @description The panel */
            reviewers: components["schemas"]["UserSummaryView"][];
            advanceTopN: number;
            /** @enum {string} */
            status: "draft" | "open" | "review" | "closed";
            /**
             * Format: date-time
             * @description The deadline: an open campaign advances by itself then (null: none)
             */
            closesAt: string | null;
            /** @description Ideas submitted (merged duplicates not counted) */
            ideaCount: number;
            /** @description Whether the caller sits on the review panel */
            isReviewer: boolean;
            createdBy: components["schemas"]["UserSummaryView"] | null;
            /** @description Every phase change: who and when, oldest first */
            history: components["schemas"]["TransitionView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdateCampaignDto: {
            title?: string;
            description?: string;
            topics?: string[];
            criteria?: components["schemas"]["CriterionDto"][];
            reviewerIds?: string[];
            advanceTopN?: number;
            /**
             * Format: date-time
             * @description A new deadline (in the future), or null for none: the only field that may change while the campaign is open
             */
            closesAt?: string | null;
        };
        CreateIdeaDto: {
            title: string;
            /** @description Plain text or Markdown */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        MilestoneView: {
            title: string;
            /** Format: date */
            date: string;
            done: boolean;
        };
        ImplementationView: {
            owner: components["schemas"]["UserSummaryView"] | null;
            progress: number;
            milestones: components["schemas"]["MilestoneView"][];
            /** Format: date-time */
            updatedAt: string;
        };
        IdeaView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            title: string;
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            author: components["schemas"]["UserSummaryView"];
            /** @enum {string} */
            status: "submitted" | "in_review" | "not_selected" | "selected" | "rejected" | "implemented" | "merged";
            voteCount: number;
            /** @description Whether the caller voted for it (always false in realtime events) */
            myVote: boolean;
            commentCount: number;
            reviewCount: number;
            /** @description Weighted mean of the expert reviews, 1..5; null until reviewed */
            reviewScore: number | null;
            /** @description The innovation team's rationale for its decision */
            rationale: string | null;
            decidedBy: components["schemas"]["UserSummaryView"] | null;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description For a merged duplicate: the idea it was merged into
             */
            mergedInto: string | null;
            implementation: components["schemas"]["ImplementationView"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** @description Only on moderated ideas, which only moderators (and, for `held`, the author) see */
            moderation?: components["schemas"]["ModerationMarkerView"];
        };
        SimilarIdeaView: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @enum {string} */
            status: "submitted" | "in_review" | "not_selected" | "selected" | "rejected" | "implemented" | "merged";
            voteCount: number;
            /** @description Trigram word similarity to the typed title, 0..1 */
            similarity: number;
        };
        CampaignFigures: {
            /** @description Distinct people who submitted, voted, commented or reviewed */
            participants: number;
            /** @description Ideas (merged duplicates not counted) */
            ideas: number;
            votes: number;
            comments: number;
            reviews: number;
            /** @description Ideas with at least one review */
            reviewed: number;
            inReview: number;
            /** @description Ideas selected, implemented ones included */
            selected: number;
            rejected: number;
            implemented: number;
            /** @description Duplicates merged into another idea */
            merged: number;
        };
        LeaderboardEntry: {
            /** Format: uuid */
            id: string;
            title: string;
            author: components["schemas"]["UserSummaryView"];
            /** @enum {string} */
            status: "submitted" | "in_review" | "not_selected" | "selected" | "rejected" | "implemented" | "merged";
            voteCount: number;
            commentCount: number;
            reviewCount: number;
            /** @description Weighted mean of the expert reviews, 1..5; null until reviewed */
            reviewScore: number | null;
            /** @description 1-based place in the top order */
            rank: number;
        };
        CampaignSummaryView: {
            /** Format: uuid */
            campaignId: string;
            title: string;
            /** @enum {string} */
            status: "draft" | "open" | "review" | "closed";
            figures: components["schemas"]["CampaignFigures"];
            /** @description Top ideas: most votes first, earliest submission first among equals */
            leaderboard: components["schemas"]["LeaderboardEntry"][];
        };
        ReviewView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ideaId: string;
            reviewer: components["schemas"]["UserSummaryView"];
            /**
             * @example {
             *       "Impact": 4,
             *       "Feasibility": 3
             *     }
             */
            scores: Record<string, never>;
            /** @description This review's weighted mean */
            score: number;
            comment: string;
            /** @description `comment` rendered once on the server: Markdown as sanitised HTML */
            commentHtml: string;
            /** Format: date-time */
            createdAt: string;
        };
        IdeaDetailView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            campaignId: string;
            title: string;
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            author: components["schemas"]["UserSummaryView"];
            /** @enum {string} */
            status: "submitted" | "in_review" | "not_selected" | "selected" | "rejected" | "implemented" | "merged";
            voteCount: number;
            /** @description Whether the caller voted for it (always false in realtime events) */
            myVote: boolean;
            commentCount: number;
            reviewCount: number;
            /** @description Weighted mean of the expert reviews, 1..5; null until reviewed */
            reviewScore: number | null;
            /** @description The innovation team's rationale for its decision */
            rationale: string | null;
            decidedBy: components["schemas"]["UserSummaryView"] | null;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * Format: uuid
             * @description For a merged duplicate: the idea it was merged into
             */
            mergedInto: string | null;
            implementation: components["schemas"]["ImplementationView"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** @description Only on moderated ideas, which only moderators (and, for `held`, the author) see */
            moderation?: components["schemas"]["ModerationMarkerView"];
            /** @description Every expert review, oldest first: visible to every employee */
            reviews: components["schemas"]["ReviewView"][];
        };
        UpdateIdeaDto: {
            title?: string;
            body?: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        IdeaVoteView: {
            /** Format: uuid */
            ideaId: string;
            voteCount: number;
            myVote: boolean;
        };
        CreateIdeaCommentDto: {
            body: string;
        };
        IdeaCommentView: {
            author: components["schemas"]["UserSummaryView"];
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ideaId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
        };
        CreateReviewDto: {
            /**
             * @description One integer 1..5 for each of the campaign's criteria, keyed by criterion name
             * @example {
             *       "Impact": 4,
             *       "Feasibility": 3
             *     }
             */
            scores: {
                [key: string]: number;
            };
            comment: string;
        };
        DecisionDto: {
            /** @enum {string} */
            status: "selected" | "rejected" | "implemented";
            /** @description Why; required when rejecting, shown on the idea */
            rationale?: string;
        };
        MergeDto: {
            /**
             * Format: uuid
             * @description The idea that survives; the one in the path is the duplicate
             */
            intoId: string;
        };
        MergeView: {
            /** @description The duplicate: status merged, mergedInto set */
            merged: components["schemas"]["IdeaView"];
            /** @description The idea it was merged into */
            into: components["schemas"]["IdeaView"];
        };
        MilestoneDto: {
            title: string;
            /**
             * Format: date
             * @example 2027-03-31
             */
            date: string;
            /** @default false */
            done: boolean;
        };
        ImplementationDto: {
            /**
             * Format: uuid
             * @description Who carries it out; null clears
             */
            ownerId?: string | null;
            progress?: number;
            milestones?: components["schemas"]["MilestoneDto"][];
        };
        CreateReportDto: {
            /** @enum {string} */
            targetType: "post" | "comment" | "idea" | "question" | "answer" | "kudos";
            /** Format: uuid */
            targetId: string;
            /** @description Why this content should be reviewed */
            reason: string;
        };
        ReportView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            targetType: "post" | "comment" | "idea" | "question" | "answer" | "kudos";
            /** Format: uuid */
            targetId: string;
            reason: string;
            /** @enum {string} */
            status: "open" | "resolved";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            resolvedAt: string | null;
        };
        QueueTarget: {
            /** @enum {string} */
            type: "post" | "comment" | "idea" | "question" | "answer" | "kudos";
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            groupId: string | null;
            author: components["schemas"]["UserSummaryView"] | null;
            /** @description The start of the text; null when the content is gone */
            excerpt: string | null;
            /** @enum {string} */
            state: "visible" | "hidden" | "removed" | "held";
            /** @description false when the content was deleted since it was reported */
            available: boolean;
        };
        QueueReport: {
            /** Format: uuid */
            id: string;
            /** @description Who reported: shown to moderators only (null for group owners and admins, and for automatic reports) */
            reporter: components["schemas"]["UserSummaryView"] | null;
            reason: string;
            /** @description Raised by the system (blocked terms), not by a person */
            automatic: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        QueueItem: {
            /**
             * Format: uuid
             * @description The case: every open report on one piece of content
             */
            id: string;
            /**
             * Format: uuid
             * @description A report of this case, for POST /api/moderation/reports/:id/resolve
             */
            reportId: string;
            target: components["schemas"]["QueueTarget"];
            /** @description How many different people reported it */
            reportCount: number;
            /** @description The distinct reasons given (of the reports shown) */
            reasons: string[];
            /** @description The first 20 reports, oldest first */
            reports: components["schemas"]["QueueReport"][];
            /** @description Hidden automatically when enough people reported it */
            autoHidden: boolean;
            /** @description Held for review before publication (blocked terms) */
            held: boolean;
            heldTerms: string[];
            /** Format: date-time */
            openedAt: string;
            /** Format: date-time */
            lastReportedAt: string;
        };
        ResolveReportDto: {
            /** @enum {string} */
            action: "dismiss" | "hide" | "remove";
            /** @description Shown to the reporters and the author */
            note?: string;
        };
        ResolutionView: {
            /**
             * Format: uuid
             * @description The case
             */
            id: string;
            /** Format: uuid */
            reportId: string;
            /** @enum {string} */
            targetType: "post" | "comment" | "idea" | "question" | "answer" | "kudos";
            /** Format: uuid */
            targetId: string;
            /** @enum {string} */
            status: "resolved";
            /** @enum {string} */
            action: "dismiss" | "hide" | "remove";
            /**
             * @description The content's state after the decision
             * @enum {string}
             */
            state: "visible" | "hidden" | "removed" | "held";
            note: string | null;
            /** @description Reports resolved by this decision */
            reportCount: number;
            /** Format: uuid */
            resolvedBy: string;
            /** Format: date-time */
            resolvedAt: string;
        };
        AuditEntryView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            action: "moderation.hide" | "moderation.remove" | "moderation.dismiss" | "moderation.auto_hide" | "moderation.hold" | "moderation.settings_changed" | "user.roles_changed" | "user.suspended" | "user.reinstated" | "user.deactivated" | "user.reactivated" | "user.erased" | "user.password_reset" | "user.two_factor_reset" | "group.banned" | "group.unbanned" | "group.role_changed" | "group.member_removed" | "guidelines.published";
            /** @description null for automatic actions */
            actor: components["schemas"]["UserSummaryView"] | null;
            targetType: string;
            /** Format: uuid */
            targetId: string | null;
            /** @description { id, handle, displayName } of the person the action is about: the account acted on, or the author of the moderated content */
            targetPerson: components["schemas"]["UserSummaryView"] | null;
            /** Format: uuid */
            groupId: string | null;
            note: string | null;
            /** @description What changed (roles before and after, the case, the settings...) */
            details: Record<string, never>;
            /** Format: date-time */
            createdAt: string;
        };
        SettingsView: {
            /** @description Reports by this many different people hide content pending review */
            autoHideThreshold: number;
            /** @description Content containing one of these is held for review */
            blockedTerms: string[];
            /** Format: uuid */
            updatedBy: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        UpdateSettingsDto: {
            autoHideThreshold?: number;
            /** @description Replaces the list. Whole words or phrases, matched ignoring case, accents and spacing */
            blockedTerms?: string[];
        };
        GuidelinesView: {
            /** @description null until the first version is published */
            version: number | null;
            /** @description Markdown; empty until published */
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** Format: date-time */
            publishedAt: string | null;
            publishedBy: components["schemas"]["UserSummaryView"] | null;
            /** @description The latest version the caller accepted */
            acceptedVersion: number | null;
            /** @description The caller must accept this version before posting */
            mustAccept: boolean;
        };
        PublishGuidelinesDto: {
            /** @description Company-wide community guidelines, Markdown (stored as written, never rendered by the API) */
            body: string;
        };
        AcceptGuidelinesDto: {
            /** @description The version being accepted: must be the current one */
            version: number;
        };
        SuspensionDto: {
            /** @description true suspends the account, false reinstates it */
            suspended: boolean;
            /** @description Recorded in the audit log */
            reason: string;
        };
        ExpertUserView: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
            title: string;
            department: string;
            location: string;
        };
        ExpertView: {
            user: components["schemas"]["ExpertUserView"];
            /** @description The documented weighted sum (README "Finding expertise"), rounded to 2 decimals */
            score: number;
            /**
             * @example [
             *       "3 accepted answers on Kubernetes",
             *       "12 endorsements for Kubernetes"
             *     ]
             */
            reasons: string[];
        };
        SynonymView: {
            /** @example k8s */
            alias: string;
            /** @example kubernetes */
            canonical: string;
        };
        SynonymDto: {
            /** @description Another way people write the skill ("k8s") */
            alias: string;
            /** @description The skill it means ("kubernetes") */
            canonical: string;
        };
        ReplaceSynonymsDto: {
            /** @description The whole table: entries left out are removed */
            synonyms: components["schemas"]["SynonymDto"][];
        };
        ClaimView: {
            user: components["schemas"]["UserSummaryView"];
            /** Format: date-time */
            expiresAt: string;
        };
        QuestionRouteView: {
            /** Format: uuid */
            userId: string;
            /**
             * @description expert (best on the topics), helper (volunteer, within their weekly cap), topic_follower, department_answerer
             * @enum {string}
             */
            reason: "expert" | "helper" | "topic_follower" | "department_answerer";
            /** @description The topic (expert, helper, follower) or the department (department answerer) */
            detail: string;
            /** @description The round this person was asked in (1 at creation) */
            round: number;
        };
        QuestionView: {
            /**
             * Format: date-time
             * @description Last edit by its author ("edited"), null if never
             */
            editedAt: string | null;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** Format: uuid */
            id: string;
            title: string;
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** @description Topic keys */
            topics: string[];
            /** @enum {string} */
            status: "open" | "answered";
            asker: components["schemas"]["UserSummaryView"];
            answerCount: number;
            /** Format: uuid */
            acceptedAnswerId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Who said "I'm on it", until when */
            claim: components["schemas"]["ClaimView"] | null;
            /** @description Ids of the experts the question was routed to, in every round */
            routedTo: string[];
            /** @description Who was asked and why, in the order of routedTo */
            routing: components["schemas"]["QuestionRouteView"][];
            /** @description Routing rounds so far (1 at creation) */
            routedRound: number;
            /** @description Only on a question out of public sight (moderators, or its held author) */
            moderation?: components["schemas"]["ModerationMarkerView"];
        };
        TopicAnswerView: {
            author: components["schemas"]["UserSummaryView"];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            questionId: string;
            voteCount: number;
            accepted: boolean;
            /** Format: date-time */
            createdAt: string;
            questionTitle: string;
        };
        TopicHelpingView: {
            weeklyCap: number;
        };
        TopicPageView: {
            /** @description The topic key */
            topic: string;
            label: string;
            /** @description The top experts */
            experts: components["schemas"]["ExpertView"][];
            /** @description Open questions on it the caller may see, newest first */
            openQuestions: components["schemas"]["QuestionView"][];
            /** @description Recent answers on it the caller may see */
            recentAnswers: components["schemas"]["TopicAnswerView"][];
            followers: number;
            helpers: number;
            /** @description The caller follows it */
            following: boolean;
            /** @description The caller's cap as a helper, null when not one */
            helping: components["schemas"]["TopicHelpingView"] | null;
        };
        TopicRefView: {
            /** @description The topic key */
            topic: string;
            /** @description How the topic is written for display */
            label: string;
        };
        TopicHelperView: {
            /** @description The topic key */
            topic: string;
            /** @description How the topic is written for display */
            label: string;
            weeklyCap: number;
        };
        MyTopicsView: {
            /** @description Oldest first */
            follows: components["schemas"]["TopicRefView"][];
            /** @description Oldest first */
            helping: components["schemas"]["TopicHelperView"][];
        };
        TopicHelperDto: {
            /** @description At most this many questions routed to you as a helper in any 7 days */
            weeklyCap: number;
        };
        MentoringTopicView: {
            /** @description Topic key */
            topic: string;
            label: string;
        };
        MentoringProfileView: {
            available: boolean;
            maxMentees: number;
            activeMentees: number;
            topics: components["schemas"]["MentoringTopicView"][];
        };
        PublicMentoringView: {
            /** Format: uuid */
            userId: string;
            /** @description Whether they take a new mentee now: willing, offering at least one skill, and with room (how many mentees they have is not told) */
            available: boolean;
            /** @description The skills they are willing to mentor on, by label */
            topics: components["schemas"]["MentoringTopicView"][];
        };
        UpdateMentoringDto: {
            /** @description Replaces the skills you are willing to mentor on */
            topics?: string[];
            /** @description false: take no new mentees for now */
            available?: boolean;
            /** @default 3 */
            maxMentees: number;
        };
        CreateMentoringRequestDto: {
            /** @description The skill you want a guide on */
            skill: string;
            /** @description What you would like help with */
            note?: string;
        };
        MentoringRequestView: {
            /** Format: uuid */
            id: string;
            /** @description Topic key */
            skill: string;
            label: string;
            note: string;
            /**
             * @description `waiting` until a willing, available mentor is found
             * @enum {string}
             */
            status: "waiting" | "paired" | "closed";
            mentee: components["schemas"]["UserSummaryView"];
            mentor: components["schemas"]["UserSummaryView"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            pairedAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /**
             * Format: date-time
             * @description When the mentee confirmed the closed pairing took place
             */
            confirmedAt: string | null;
        };
        AskQuestionDto: {
            title: string;
            /** @description Details, plain text or Markdown (stored as written) */
            body?: string;
            /**
             * @description What the question is about; case, accents and synonyms ("k8s") are folded
             * @example [
             *       "Kubernetes",
             *       "networking"
             *     ]
             */
            topics: string[];
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        SimilarQuestionView: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @enum {string} */
            status: "open" | "answered";
            answerCount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description Trigram similarity of the titles, 0..1 */
            similarity: number;
        };
        AnswerView: {
            author: components["schemas"]["UserSummaryView"];
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /**
             * Format: date-time
             * @description Last edit by its author ("edited"), null if never
             */
            editedAt: string | null;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            questionId: string;
            voteCount: number;
            /** @description The caller's vote (always false in realtime events) */
            myVote: boolean;
            accepted: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description Only on an answer out of public sight (moderators, or its held author) */
            moderation?: components["schemas"]["ModerationMarkerView"];
        };
        QuestionDetailView: {
            /**
             * Format: date-time
             * @description Last edit by its author ("edited"), null if never
             */
            editedAt: string | null;
            /** @description Preview cards of the links in the body once the server fetched them, in the order written; [] until then */
            linkPreviews?: components["schemas"]["LinkPreviewViewDto"][];
            /** @description Files attached; url and thumbnailUrl are signed, short-lived links */
            attachments: components["schemas"]["AttachmentView"][];
            /** Format: uuid */
            id: string;
            title: string;
            body: string;
            /** @description `body` rendered once on the server: Markdown as sanitised HTML */
            bodyHtml: string;
            /** @description Topic keys */
            topics: string[];
            /** @enum {string} */
            status: "open" | "answered";
            asker: components["schemas"]["UserSummaryView"];
            answerCount: number;
            /** Format: uuid */
            acceptedAnswerId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Who said "I'm on it", until when */
            claim: components["schemas"]["ClaimView"] | null;
            /** @description Ids of the experts the question was routed to, in every round */
            routedTo: string[];
            /** @description Who was asked and why, in the order of routedTo */
            routing: components["schemas"]["QuestionRouteView"][];
            /** @description Routing rounds so far (1 at creation) */
            routedRound: number;
            /** @description Only on a question out of public sight (moderators, or its held author) */
            moderation?: components["schemas"]["ModerationMarkerView"];
            /** @description Accepted answer first, then most votes, then oldest */
            answers: components["schemas"]["AnswerView"][];
        };
        AnswerDto: {
            /** @description Plain text or Markdown (stored as written) */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        AcceptDto: {
            /** Format: uuid */
            answerId: string;
        };
        ClaimResultView: {
            claim: components["schemas"]["ClaimView"];
        };
        VoteView: {
            voteCount: number;
            myVote: boolean;
        };
        UpdateQuestionDto: {
            /** @description The new title */
            title?: string;
            /** @description Markdown */
            body?: string;
            topics?: string[];
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        UpdateAnswerDto: {
            /** @description Markdown; mentions are resolved again */
            body: string;
            /** @description Ids of files you uploaded (POST /api/files) */
            attachmentIds?: string[];
        };
        HelpReasonView: {
            /** @enum {string} */
            reason: "kudos" | "threadsHelped" | "reactionsReceived";
            count: number;
        };
        HelperView: {
            user: components["schemas"]["UserSummaryView"];
            /** @description 3 × kudos + 2 × threads helped + 1 × reactions received */
            score: number;
            /** @description Kudos received in the month for the group's posts */
            kudos: number;
            /** @description Other people's posts in the group they commented on (once per thread) */
            threadsHelped: number;
            /** @description Other people who reacted to their posts in the group (once per person and post) */
            reactionsReceived: number;
            /** @description What counted, heaviest first */
            reasons: components["schemas"]["HelpReasonView"][];
        };
        HelperDigestView: {
            groupId: string;
            /** @example 2026-11 */
            month: string;
            /** @description Start of the month (UTC), included */
            from: string;
            /** @description Start of the next month (UTC), excluded */
            to: string;
            /** @description When the monthly job wrote it; null: computed now (not sent yet) */
            sentAt: string | null;
            /** @description At most 10, best first */
            items: components["schemas"]["HelperView"][];
        };
        GiveKudosDto: {
            /** @enum {string} */
            targetType: "answer" | "review" | "post";
            /** @description Why you thank them: plain text, shown as written (never rendered as Markdown) */
            message: string;
        };
        KudosView: {
            /** Format: uuid */
            id: string;
            from: components["schemas"]["UserSummaryView"];
            to: components["schemas"]["UserSummaryView"];
            /** @enum {string} */
            targetType: "answer" | "review" | "post";
            /** Format: uuid */
            targetId: string;
            /** @description Plain text */
            message: string;
            /** Format: date-time */
            createdAt: string;
        };
        BadgeView: {
            /** @enum {string} */
            badge: "first_accepted_answer" | "helper" | "bridge_builder" | "reviewer" | "idea_made_real" | "mentor";
            label: string;
            /** Format: date-time */
            awardedAt: string;
        };
        BadgeRuleView: {
            /** @enum {string} */
            badge: "first_accepted_answer" | "helper" | "bridge_builder" | "reviewer" | "idea_made_real" | "mentor";
            label: string;
            rule: string;
        };
        RecognitionSettingsView: {
            publicRecognition: boolean;
        };
        RecognitionSettingsDto: {
            /** @description false: your kudos received and badges are shown to you only */
            publicRecognition: boolean;
        };
        AudienceDto: {
            /** @description Only people in one of these departments */
            departments?: string[];
            /** @description Only people in one of these locations */
            locations?: string[];
        };
        CreateAnnouncementDto: {
            title: string;
            /** @description Plain text or Markdown (stored as written) */
            body: string;
            /**
             * Format: uuid
             * @description A group's announcement (its owners and admins); omit for the whole company (admins)
             */
            groupId?: string;
            /** @description Narrows the audience; fixed when it is published */
            audience?: components["schemas"]["AudienceDto"];
            /**
             * Format: date-time
             * @description When it goes out (in the future, within a year); omit: now
             */
            publishAt?: string;
            /**
             * Format: date-time
             * @description When it unpins (after publishAt); omit: pinned until read
             */
            expiresAt?: string;
        };
        AudienceView: {
            departments: string[];
            locations: string[];
        };
        AnnouncementView: {
            /** Format: uuid */
            id: string;
            title: string;
            body: string;
            author: components["schemas"]["UserSummaryView"];
            /** Format: uuid */
            groupId: string | null;
            audience: components["schemas"]["AudienceView"];
            /** Format: date-time */
            publishAt: string;
            /**
             * Format: date-time
             * @description Null while scheduled
             */
            publishedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Published and not expired */
            live: boolean;
            /** @description People it was addressed to when published */
            recipientCount: number;
            /** @description Whether the caller was addressed (people who joined later see it without counting) */
            isRecipient: boolean;
            /**
             * Format: date-time
             * @description When the caller read it; null while unread
             */
            acknowledgedAt: string | null;
        };
        DepartmentReceiptView: {
            recipients: number;
            read: number;
            unread: number;
            /** @description The department as it was when published ('' when none) */
            department: string;
        };
        ReceiptPersonView: {
            user: components["schemas"]["UserSummaryView"];
            department: string;
            /** Format: date-time */
            acknowledgedAt: string | null;
        };
        ReceiptsView: {
            recipients: number;
            read: number;
            unread: number;
            /** Format: uuid */
            announcementId: string;
            /** @description By department, most recipients first */
            byDepartment: components["schemas"]["DepartmentReceiptView"][];
            /** @enum {string} */
            list: "unread" | "read";
            /** @description unread: by id; read: most recent first */
            items: components["schemas"]["ReceiptPersonView"][];
            nextCursor: string | null;
        };
        ReminderView: {
            /**
             * Format: date
             * @description The UTC day of this reminder (one a day)
             */
            day: string;
            /** @description Unread recipients reminded */
            unread: number;
        };
        NotificationSubjectView: {
            /**
             * @description post, comment, group, user, question, idea, campaign or report
             * @example post
             */
            type: string;
            /** Format: uuid */
            id: string;
        };
        NotificationPlaceView: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        NotificationCampaignView: {
            /** Format: uuid */
            id: string;
            title: string;
        };
        NotificationAboutView: {
            /** @description The subject's title (a question, an idea, a campaign, an announcement, a group) */
            title: string | null;
            /** @description What it says, as one plain line clipped to 140 characters */
            excerpt: string | null;
            /** @description The group it is in (a private one only to its members) */
            group?: components["schemas"]["NotificationPlaceView"];
            /** @description The campaign of an idea */
            campaign?: components["schemas"]["NotificationCampaignView"];
        };
        NotificationView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "mention" | "group.mention" | "comment" | "reaction" | "follow" | "group.request" | "group.approved" | "question.routed" | "answer" | "answer.accepted" | "idea.status" | "idea.review" | "idea.comment" | "idea.implementation" | "campaign.status" | "report.resolved" | "announcement" | "announcement.reminder" | "question.unanswered" | "kudos.received" | "badge.earned" | "digest.helpers";
            /** @description Who did it (the latest one for grouped kinds); null when unknown or not shown */
            actor: components["schemas"]["UserSummaryView"] | null;
            /** @description Grouped kinds: the latest actors (at most 3), latest first */
            actors?: components["schemas"]["UserSummaryView"][];
            /** @description Grouped kinds: how many people did it ("Alice and 4 others") */
            actorCount?: number;
            subject: components["schemas"]["NotificationSubjectView"];
            /** @description Ids and counts for linking (postId, groupId, commentId, ...); never text */
            context: {
                [key: string]: (string | number | boolean) | null;
            };
            /** @description What and where, as the recipient may see it now; null when nothing to show */
            about: components["schemas"]["NotificationAboutView"] | null;
            /**
             * Format: date-time
             * @description When it happened (for grouped kinds: the latest time)
             */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        UnreadCountView: {
            count: number;
        };
        MarkReadDto: {
            /** @description Mark every unread notification of these kinds read (a category of the list: "mark these read") */
            kinds?: ("mention" | "group.mention" | "comment" | "reaction" | "follow" | "group.request" | "group.approved" | "question.routed" | "answer" | "answer.accepted" | "idea.status" | "idea.review" | "idea.comment" | "idea.implementation" | "campaign.status" | "report.resolved" | "announcement" | "announcement.reminder" | "question.unanswered" | "kudos.received" | "badge.earned" | "digest.helpers")[];
            ids?: string[];
            /**
             * @description Mark every notification read
             * @enum {boolean}
             */
            all?: true;
        };
        PreferenceView: {
            /** @enum {string} */
            kind: "mention" | "group.mention" | "comment" | "reaction" | "follow" | "group.request" | "group.approved" | "question.routed" | "answer" | "answer.accepted" | "idea.status" | "idea.review" | "idea.comment" | "idea.implementation" | "campaign.status" | "report.resolved" | "announcement" | "announcement.reminder" | "question.unanswered" | "kudos.received" | "badge.earned" | "digest.helpers";
            enabled: boolean;
            /** @description Also sent by email (only when email is configured) */
            email: boolean;
            /** @description Also pushed to the devices the person subscribed (outside their quiet hours) */
            push: boolean;
        };
        PreferencesView: {
            /** @description Every kind, in a fixed order; all on in the app by default */
            items: components["schemas"]["PreferenceView"][];
            /** @description The daily digest by email (on by default; only when email is configured) */
            digestEmail: boolean;
            /** @description Whether this server sends email at all (SMTP_URL set) */
            emailConfigured: boolean;
        };
        PreferenceDto: {
            /** @enum {string} */
            kind: "mention" | "group.mention" | "comment" | "reaction" | "follow" | "group.request" | "group.approved" | "question.routed" | "answer" | "answer.accepted" | "idea.status" | "idea.review" | "idea.comment" | "idea.implementation" | "campaign.status" | "report.resolved" | "announcement" | "announcement.reminder" | "question.unanswered" | "kudos.received" | "badge.earned" | "digest.helpers";
            /** @description In the app (absent: unchanged) */
            enabled?: boolean;
            /** @description Also as an individual email, when email is configured (absent: unchanged) */
            email?: boolean;
            /** @description Also as a push notification to the devices the person subscribed (absent: unchanged) */
            push?: boolean;
        };
        UpdatePreferencesDto: {
            preferences?: components["schemas"]["PreferenceDto"][];
            /** @description The daily digest by email (absent: unchanged) */
            digestEmail?: boolean;
        };
        MuteView: {
            /** @enum {string} */
            type: "post" | "group";
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            createdAt: string;
        };
        DigestGroupSection: {
            group: components["schemas"]["NotificationPlaceView"];
            /** @description New posts the reader may see in the group since the start of the digest */
            posts: number;
            /** @description Comments on those posts */
            comments: number;
            /** @description The most discussed of those posts */
            topPostIds: string[];
        };
        DigestQuestionItem: {
            /** Format: uuid */
            questionId: string;
            title: string;
            answerCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        DigestIdeaItem: {
            /** Format: uuid */
            ideaId: string;
            /**
             * @description From an `idea.status` or an `idea.review` notification
             * @enum {string}
             */
            change: "status" | "review";
            /** @description The idea's status the notification carried (null when it carried none) */
            status: string | null;
            /** Format: date-time */
            at: string;
        };
        DigestView: {
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until: string;
            /** @description What happened in my groups */
            groups: components["schemas"]["DigestGroupSection"][];
            /** @description Questions routed to me that are still open */
            questions: components["schemas"]["DigestQuestionItem"][];
            /** @description Ideas I take part in (voted, proposed, commented) that changed */
            ideas: components["schemas"]["DigestIdeaItem"][];
            /** @description Unread notifications right now */
            unreadNotifications: number;
            /** @description Whether there is anything to tell (an empty digest is never emailed) */
            empty: boolean;
        };
        IdeaFunnelView: {
            submitted: number;
            inReview: number;
            selected: number;
            implemented: number;
            /** @description Idea participants (submitted, voted, commented, reviewed) / active users */
            participationRate: number | null;
        };
        EmailsAvoidedDetailView: {
            posts: number;
            comments: number;
            questions: number;
            answers: number;
            postReaders: number;
        };
        EmailsAvoidedTermsView: {
            /** @description P: posts that reached at least postMinReaders readers, less those that arrived by email */
            postsReachingReaders: number;
            /** @description K: must-read announcements acknowledged */
            announcementsAcknowledged: number;
            /** @description Q: questions answered in the open (by someone else) */
            questionsAnsweredInOpen: number;
            /** @description R: comments, idea comments and answers, less those that arrived by email */
            replies: number;
        };
        EmailsAvoidedFormulaView: {
            /**
             * @description Which formula computed estimatedEmailsAvoided
             * @example 2
             */
            version: number;
            terms: components["schemas"]["EmailsAvoidedTermsView"];
            /** @example 1 */
            postMinReaders: number;
            /** @description The formula in words (English), to show next to the number */
            text: string;
        };
        EmailBridgeView: {
            /** @description Email sent by Ruche in the period (per day in byDay) */
            sent: number;
            /** @description Email received by Ruche in the period, whatever became of it */
            received: number;
            /** @description Replies that arrived by email and became comments or answers */
            repliesByEmail: number;
            /** @description Posts that arrived by email at a group address */
            postsByEmail: number;
        };
        DayView: {
            activeUsers: number;
            posts: number;
            /** @description Comments on posts and on ideas */
            comments: number;
            reactions: number;
            questions: number;
            answers: number;
            ideas: number;
            votes: number;
            reviews: number;
            crossDepartmentInteractions: number;
            /** @example 2026-01-01 */
            date: string;
            estimatedEmailsAvoided: number;
            /** @description Email the bridge sent that day (every kind: digests, notifications, announcements) */
            emailsSent: number;
            /** @description Email that arrived at the bridge that day, whatever became of it */
            emailsReceived: number;
        };
        DepartmentActivityView: {
            activeUsers: number;
            posts: number;
            /** @description Comments on posts and on ideas */
            comments: number;
            reactions: number;
            questions: number;
            answers: number;
            ideas: number;
            votes: number;
            reviews: number;
            crossDepartmentInteractions: number;
            /** @description null: people with no department on their profile */
            department: string | null;
        };
        OverviewView: {
            activeUsers: number;
            posts: number;
            /** @description Comments on posts and on ideas */
            comments: number;
            reactions: number;
            questions: number;
            answers: number;
            votes: number;
            reviews: number;
            crossDepartmentInteractions: number;
            /** @example 2026-01-01 */
            from: string;
            /** @example 2026-01-31 */
            to: string;
            answeredRate: number | null;
            medianMinutesToFirstAnswer: number | null;
            ideas: components["schemas"]["IdeaFunnelView"];
            /** @description Replies per post, question and idea created in the period */
            engagementDepth: number | null;
            postsWithReplyShare: number | null;
            crossDepartmentShare: number | null;
            /** @description P + K + Q + R, formula version 2 (see emailsAvoidedFormula and README) */
            estimatedEmailsAvoided: number;
            estimatedEmailsAvoidedDetail: components["schemas"]["EmailsAvoidedDetailView"];
            /** @description The formula used, its terms and its text */
            emailsAvoidedFormula: components["schemas"]["EmailsAvoidedFormulaView"];
            /** @description The email the bridge still carries, in and out */
            emailBridge: components["schemas"]["EmailBridgeView"];
            /** @description One entry per day of the period */
            byDay: components["schemas"]["DayView"][];
            /** @description One entry per department (of the actor, as it was then) */
            byDepartment: components["schemas"]["DepartmentActivityView"][];
        };
        DepartmentTrendView: {
            /** @description Of them, who did anything visible in the period (as their department was then) */
            activeUsers: number;
            /** @description Replies received per post, question or idea they created */
            engagementDepth: number | null;
            /** @description Share of their questions answered by someone else by the end of the period */
            answeredRate: number | null;
            medianMinutesToFirstAnswer: number | null;
            /** @description Share of the department who submitted, voted on, commented on or reviewed ideas */
            ideaParticipation: number | null;
        };
        DepartmentView: {
            /** @description People whose profile names the department now */
            people: number;
            /** @description Of them, who did anything visible in the period (as their department was then) */
            activeUsers: number;
            /** @description Replies received per post, question or idea they created */
            engagementDepth: number | null;
            questions: number;
            /** @description Share of their questions answered by someone else by the end of the period */
            answeredRate: number | null;
            medianMinutesToFirstAnswer: number | null;
            /** @description Replies (comments, answers, reviews) they wrote to people of another department */
            crossDepartmentReplies: number;
            /** @description Those among their replies to people whose department is known */
            crossDepartmentShare: number | null;
            /** @description Share of the department who submitted, voted on, commented on or reviewed ideas */
            ideaParticipation: number | null;
            department: string;
            /** @description The same figures over the period of the same length just before */
            previous: components["schemas"]["DepartmentTrendView"];
        };
        DepartmentsView: {
            /** @example 2026-11-01 */
            from: string;
            /** @example 2026-11-30 */
            to: string;
            /** @description Departments with fewer people than this are not shown */
            smallestDepartment: number;
            /** @description Largest first */
            items: components["schemas"]["DepartmentView"][];
        };
        WaitingQuestionView: {
            /** Format: uuid */
            id: string;
            title: string;
            topics: string[];
            createdAt: string;
        };
        FallingGroupView: {
            /** Format: uuid */
            groupId: string;
            name: string;
            score: number;
            previousScore: number;
        };
        PossibleMentorView: {
            user: components["schemas"]["UserSummaryView"];
            /** @description The department's topics they know best */
            topics: string[];
        };
        DepartmentActionsView: {
            /** @description The department's topics: those of the questions its people asked and answered */
            topics: string[];
            /** @description Questions on those topics nobody has answered yet, the longest waiting first */
            unansweredQuestions: components["schemas"]["WaitingQuestionView"][];
            /** @description Groups its people are active in whose health is falling, the steepest first */
            fallingGroups: components["schemas"]["FallingGroupView"][];
            /** @description People of the department who know its topics best, who could guide others */
            possibleMentors: components["schemas"]["PossibleMentorView"][];
        };
        DepartmentDashboardView: {
            /** @description People whose profile names the department now */
            people: number;
            /** @description Of them, who did anything visible in the period (as their department was then) */
            activeUsers: number;
            /** @description Replies received per post, question or idea they created */
            engagementDepth: number | null;
            questions: number;
            /** @description Share of their questions answered by someone else by the end of the period */
            answeredRate: number | null;
            medianMinutesToFirstAnswer: number | null;
            /** @description Replies (comments, answers, reviews) they wrote to people of another department */
            crossDepartmentReplies: number;
            /** @description Those among their replies to people whose department is known */
            crossDepartmentShare: number | null;
            /** @description Share of the department who submitted, voted on, commented on or reviewed ideas */
            ideaParticipation: number | null;
            department: string;
            /** @description The same figures over the period of the same length just before */
            previous: components["schemas"]["DepartmentTrendView"];
            /** @example 2026-11-01 */
            from: string;
            /** @example 2026-11-30 */
            to: string;
            /** @description The three most useful things to do next */
            actions: components["schemas"]["DepartmentActionsView"];
        };
        HealthTrendView: {
            /** @description score - previousScore */
            delta: number;
            /** @enum {string} */
            direction: "up" | "down" | "flat";
        };
        HealthScorePartsView: {
            /** @description 0..1 */
            participation: number;
            /** @description 0..1 */
            answered: number;
            /** @description 0..1 */
            responsiveness: number;
            /** @description 0..1 */
            growth: number;
        };
        HealthWeekView: {
            /** Format: date-time */
            weekStart: string;
            posts: number;
            replies: number;
            activeMembers: number;
        };
        UnansweredPostView: {
            /** Format: uuid */
            postId: string;
            /** Format: uuid */
            authorId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Hours since it was posted */
            waitingHours: number;
        };
        GroupHealthView: {
            /** Format: uuid */
            groupId: string;
            weeks: number;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description Members now */
            memberCount: number;
            /** @description Members now who posted, commented or reacted in the group in the window */
            activeMembers: number;
            postsPerWeek: number;
            repliesPerWeek: number;
            /** @description Share of the window’s posts with a reply from someone else */
            answeredShare: number | null;
            medianReplyMinutes: number | null;
            newMembers: number;
            lostMembers: number;
            /** @description 0–100 (see README) */
            score: number;
            /** @description The score of the window before, of the same length */
            previousScore: number;
            /** @description How the score moved since the window before */
            trend: components["schemas"]["HealthTrendView"];
            scoreParts: components["schemas"]["HealthScorePartsView"];
            /** @description Oldest first */
            byWeek: components["schemas"]["HealthWeekView"][];
            /** @description Posts of the window without a reply from someone else, oldest first (at most 20) */
            unansweredPosts: components["schemas"]["UnansweredPostView"][];
        };
        SearchHitView: {
            /** @enum {string} */
            type: "post" | "person" | "group" | "idea" | "question";
            /** Format: uuid */
            id: string;
            /** @description Plain text: title, name, or a post’s first line */
            title: string;
            /** @description Plain text around the match (never HTML) */
            snippet: string;
            /** @description [start, end) character ranges of matched words in snippet */
            highlights: [
                number,
                number
            ][];
            /** @description [start, end) character ranges of matched words in title, when the snippet left out a title it would repeat */
            titleHighlights?: [
                number,
                number
            ][];
            /** @description Relevance 0..1, comparable across types */
            score: number;
            createdAt: string | null;
        };
        SearchResultsView: {
            items: components["schemas"]["SearchHitView"][];
            nextCursor: string | null;
        };
        StepDto: {
            /** @enum {string} */
            kind: "read" | "accept_guidelines" | "first_post" | "first_question" | "join_group" | "meet_mentor" | "declare_skills" | "follow_people";
            title: string;
            /** @description The guidance shown with the step (Markdown) */
            body?: string;
            /**
             * Format: uuid
             * @description join_group: the group to join (required); first_post: where the post must be made. A public group, or the path’s own
             */
            groupId?: string;
        };
        CreatePathDto: {
            title: string;
            description?: string;
            /** @enum {string} */
            audience: "newcomers" | "community_owners";
            /**
             * Format: uuid
             * @description A group’s own path for its newcomers (its owners and admins publish it); absent: a company path (admins)
             */
            groupId?: string;
            steps: components["schemas"]["StepDto"][];
        };
        StepView: {
            /** Format: uuid */
            id: string;
            position: number;
            /** @enum {string} */
            kind: "read" | "accept_guidelines" | "first_post" | "first_question" | "join_group" | "meet_mentor" | "declare_skills" | "follow_people";
            title: string;
            body: string;
            /** Format: uuid */
            groupId: string | null;
            /** @description Whether the caller has done it (false when not following the path) */
            done: boolean;
        };
        MyProgressView: {
            enrolled: boolean;
            done: number;
            total: number;
            completedAt: string | null;
        };
        PathView: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            /** @enum {string} */
            audience: "newcomers" | "community_owners";
            /** Format: uuid */
            groupId: string | null;
            /** @enum {string} */
            status: "draft" | "published" | "archived";
            publishedAt: string | null;
            createdBy: components["schemas"]["UserSummaryView"];
            /** @description The caller may edit, publish and archive it, and read its progress */
            canManage: boolean;
            steps: components["schemas"]["StepView"][];
            progress: components["schemas"]["MyProgressView"];
        };
        UpdatePathDto: {
            title?: string;
            description?: string;
            /** @description Replaces the steps */
            steps?: components["schemas"]["StepDto"][];
        };
        StepProgressView: {
            /** Format: uuid */
            stepId: string;
            title: string;
            /** @description How many people following the path have done it */
            done: number;
        };
        DepartmentProgressView: {
            /** @description null: people with no department, and departments with fewer than 5 people on the path, together */
            department: string | null;
            enrolled: number;
            completed: number;
        };
        PathProgressView: {
            enrolled: number;
            completed: number;
            steps: components["schemas"]["StepProgressView"][];
            byDepartment: components["schemas"]["DepartmentProgressView"][];
        };
        SuggestedColleagueView: {
            /** Format: uuid */
            id: string;
            handle: string;
            displayName: string;
            /**
             * @description Present (true) when the account is deactivated
             * @enum {boolean}
             */
            deactivated?: true;
            /** @description Present when the person uploaded a photo: a link an <img> can load (no token needed) */
            avatarUrl?: string;
            title: string;
            department: string;
            location: string;
            /**
             * @description manager: your manager; report: reports to you; department: same department; group: shares a group with you; popular: among the most followed (when little else is known)
             * @enum {string}
             */
            reason: "manager" | "report" | "department" | "group" | "popular";
        };
        SuggestedGroupView: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Unique; the group's email address is <handle>@<SMTP_INBOUND_DOMAIN> */
            handle: string;
            description: string;
            /** @description `description` rendered once on the server: Markdown as sanitised HTML */
            descriptionHtml: string;
            /** @enum {string} */
            visibility: "public" | "private";
            /** @description Owners, admins and members (pending requests are not counted) */
            memberCount: number;
            /**
             * @description The caller's role, null when not a member
             * @enum {string|null}
             */
            myRole: "owner" | "admin" | "member" | "pending" | null;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description How many people of your department belong to it */
            colleagues: number;
        };
        SuggestedSkillView: {
            /** @description Its most common spelling */
            name: string;
            /** @description The normalised key */
            skill: string;
            /** @description How many people of your department (or the company) declared it */
            people: number;
        };
        SuggestionsView: {
            /** @description Not yet followed, active, closest first */
            colleagues: components["schemas"]["SuggestedColleagueView"][];
            /** @description Public groups not joined, popular in your department first */
            groups: components["schemas"]["SuggestedGroupView"][];
            /** @description Skills your department declares that you have not */
            skills: components["schemas"]["SuggestedSkillView"][];
        };
        FirstRunView: {
            /** @description Show the first-run screen now: the company onboarding path was given to you (a new account) and you have neither finished nor skipped it */
            due: boolean;
            /**
             * @description null: neither finished nor skipped yet
             * @enum {string|null}
             */
            outcome: "finished" | "skipped" | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        FirstRunDto: {
            /** @enum {string} */
            outcome: "finished" | "skipped";
        };
        ExportView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "ready" | "failed" | "expired";
            /** @description Percent of the archive written */
            progress: number;
            /** @description Bytes, once ready */
            size: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /**
             * Format: date-time
             * @description The download works until then (a day after it is ready)
             */
            expiresAt: string | null;
            /** @description Where to download it (with the bearer token), while ready */
            downloadUrl: string | null;
        };
        EraseSelfDto: {
            /** @description Your handle, typed again to confirm */
            confirmation: string;
            /** @description Your password (required when your account has one) */
            password?: string;
        };
        ErasureView: {
            /** Format: uuid */
            userId: string;
            /** @description The erased account’s new handle: all the audit log keeps of them */
            pseudonym: string;
            /**
             * @description RUCHE_ERASURE: content kept under "Former employee" or deleted
             * @enum {string}
             */
            mode: "anonymise" | "delete";
        };
        EraseUserDto: {
            /** @description The person's handle, typed again to confirm */
            confirmation: string;
        };
        SuppressionView: {
            address: string;
            /** @description What the receiving server (or the admin) said */
            reason: string;
            /**
             * @description A bounce received, a permanent refusal when sending, or an admin
             * @enum {string}
             */
            source: "bounce" | "send" | "admin";
            /** Format: date-time */
            createdAt: string;
        };
        QuietHoursView: {
            /** @example 22:00 */
            start: string;
            /** @example 07:00 */
            end: string;
        };
        PushSettingsView: {
            /** @description The VAPID public key (base64url) to subscribe with (applicationServerKey) */
            publicKey: string;
            /** @description How many browsers of yours are subscribed */
            subscriptions: number;
            /** @description When nothing is pushed to you (your time zone) */
            quietHours: components["schemas"]["QuietHoursView"] | null;
            /** @description The time zone quiet hours are read in (your profile’s) */
            timeZone: string;
        };
        SubscriptionKeysDto: {
            /** @description The browser's P-256 public key (base64url, 65 bytes) */
            p256dh: string;
            /** @description The authentication secret (base64url, 16 bytes) */
            auth: string;
        };
        SubscribeDto: {
            /** @description The subscription's endpoint at the browser's push service (https) */
            endpoint: string;
            keys: components["schemas"]["SubscriptionKeysDto"];
            /** @description Ignored: push services say when a subscription ends */
            expirationTime?: number | null;
        };
        SubscriptionView: {
            id: string;
            /** @description Whether this endpoint was new for you (false: it was yours already) */
            created: boolean;
        };
        UnsubscribeDto: {
            endpoint: string;
        };
        QuietHoursDto: {
            /**
             * @description Start of the quiet hours (HH:MM, your time zone); null: none
             * @example 22:00
             */
            start: string | null;
            /**
             * @description End of the quiet hours (HH:MM); null with start
             * @example 07:00
             */
            end: string | null;
        };
        PushTestView: {
            /** @description Browsers the test reached */
            sent: number;
            /** @description Subscriptions the push service said are gone (removed) */
            gone: number;
            /** @description Other failures */
            failed: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadyView"];
                };
            };
            /** @description Shutting down (shutting_down), or the database does not answer in time (not_ready) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Sign-up closed to this address (domains, invitation), or passwords off */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The email is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"] | components["schemas"]["TotpChallengeView"];
                };
            };
            /** @description Wrong email or password, or the account is not active */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many failed logins for this account or address (login_throttled) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Unknown, expired, revoked or reused refresh token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    PeopleController_updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileView"];
                };
            };
        };
    };
    AccountController_setRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRolesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every open session on one page (`nextCursor` always null) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ActiveSessionView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    SessionsController_revokeOthers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedSessionsView"];
                };
            };
        };
    };
    SessionsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such session of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountStatesController_setDeactivation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeactivationDto"];
            };
        };
        responses: {
            /** @description The user, with its status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SsoController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInProvidersView"];
                };
            };
        };
    };
    SsoController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider’s authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Single sign-on is not configured (sso_not_configured) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SsoController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the web app’s /sso page with a one-time code for POST /api/auth/oidc/exchange */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not started here, too late, or the provider’s answer does not check out (sso_failed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SsoController_exchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoExchangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoSessionView"];
                };
            };
            /** @description Unknown, used or expired code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Single sign-on is not configured (sso_not_configured) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SamlController_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An EntityDescriptor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/samlmetadata+xml": string;
                };
            };
            /** @description SAML is not configured (sso_not_configured) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SamlController_login: {
        parameters: {
            query?: {
                /** @description A path on this site to open once signed in */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity provider (HTTP-Redirect binding) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SAML is not configured (sso_not_configured) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SamlController_acs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SamlAcsDto"];
            };
        };
        responses: {
            /** @description To the web app’s /sso page with a one-time code for POST /api/auth/oidc/exchange */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The Response does not check out (signature, audience, time, replay) or the RelayState */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InvitationView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    InvitationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedInvitationView"];
                };
            };
            /** @description An account with this email already exists (email_taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such invitation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The invitation was already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InvitationsController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupSettingsView"];
                };
            };
        };
    };
    PasswordsController_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The current password is wrong (wrong_password), or passwords are off */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PasswordsController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description Set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_loginTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginTotpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description Wrong or reused code (totp_invalid), or the challenge expired (challenge_invalid) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_verifyByLink: {
        parameters: {
            query: {
                /** @description From the verification link */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerifiedView"];
                };
            };
            /** @description The link expired, was used, or a newer one was sent (token_invalid) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerifiedView"];
                };
            };
            /** @description The link expired, was used, or a newer one was sent (token_invalid) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_forgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            /** @description Always, whether or not the address has an account */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No email is sent from this server: an admin resets passwords (password_reset_unavailable) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordWithTokenDto"];
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The link expired, was used, or a newer one was sent (token_invalid); or a weak password */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorStatusView"];
                };
            };
        };
    };
    AccountSecurityController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentView"];
                };
            };
            /** @description A single sign-on account (totp_not_applicable) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Two-factor is already on (totp_already_enabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmTotpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesView"];
                };
            };
            /** @description Wrong code (totp_invalid) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No enrolment started, or two-factor already on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableTotpDto"];
            };
        };
        responses: {
            /** @description Two-factor is off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Wrong password (wrong_password) or code (totp_invalid) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Two-factor is not on (totp_not_enabled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The address is already verified (email_already_verified) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A link was sent less than a minute ago */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_resetTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Two-factor is off for them */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountSecurityController_issueResetLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetLinkView"];
                };
            };
            /** @description No such person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_list: {
        parameters: {
            query?: {
                /** @description Start of a handle, or part of a name; absent: the whole directory */
                q?: string;
                /** @description Only people of this department (case and accents ignored) */
                department?: string;
                /** @description Only people at this location (case and accents ignored) */
                location?: string;
                /** @description Directory page size (default 20); with q at most 20 (default 10) */
                limit?: number;
                /** @description Opaque cursor from a previous directory page (not with q) */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Directory entries; with `q`, people as { id, handle, displayName } only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: (components["schemas"]["DirectoryEntryView"] | components["schemas"]["UserSummaryView"])[];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    PeopleController_profile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileView"];
                };
            };
        };
    };
    PeopleController_reports: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OrgPerson"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    PeopleController_org: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgChartView"];
                };
            };
        };
    };
    PeopleController_setManager: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetManagerDto"];
            };
        };
        responses: {
            /** @description The org chart around the person, as GET /users/:id/org */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgChartView"];
                };
            };
        };
    };
    PeopleController_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_followers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserSummaryView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    PeopleController_following: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserSummaryView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    PeopleController_endorse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                skill: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleController_unendorse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                skill: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleImportController_create: {
        parameters: {
            query?: {
                /** @description true (default): only report; false: report and apply */
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleImportView"];
                };
            };
        };
    };
    PeopleImportController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleImportView"];
                };
            };
        };
    };
    PeopleImportController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import, queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleImportView"];
                };
            };
        };
    };
    PeopleImportController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Columns line, email, action, changes, errors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
        };
    };
    GroupsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Part of the group name (case-insensitive) */
                q?: string;
                /** @description Only groups the caller belongs to */
                mine?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GroupCardView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    GroupsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGroupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"];
                };
            };
        };
    };
    GroupsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"];
                };
            };
            /** @description The group does not exist, or it is private and the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGroupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupView"];
                };
            };
            /** @description Not an owner or admin of this group */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The group does not exist, or it is private and the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_join: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinView"];
                };
            };
            /** @description Banned from this group */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_requests: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["JoinRequestView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    GroupsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDecisionView"];
                };
            };
            /** @description The group does not exist, or it is private and the caller is not a member; or no pending request from this person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDecisionView"];
                };
            };
            /** @description The group does not exist, or it is private and the caller is not a member; or no pending request from this person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_members: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                role?: "owner" | "admin" | "member";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MemberView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The group does not exist, or it is private and the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_setRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberView"];
                };
            };
            /** @description The last owner cannot step down */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The last owner cannot leave */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_listBans: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BanView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    GroupsController_ban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BanView"];
                };
            };
            /** @description Already banned, or the last owner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupsController_unban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyGroupsController_requests: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyJoinRequestView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileViewDto"];
                };
            };
        };
    };
    FilesController_original: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file as uploaded, under its own media type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AltDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileViewDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_variant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                variant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AvatarsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetAvatarDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvatarView"];
                };
            };
            /** @description Not a PNG, JPEG or WebP image (avatar_not_image), or already attached to an item */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such upload of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AvatarsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvatarView"];
                };
            };
        };
    };
    AvatarsController_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, at most 400 px */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LinkPreviewsController_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPreviewRulesDto"];
                };
            };
        };
    };
    LinkPreviewsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkPreviewRulesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LinkPreviewRulesDto"];
                };
            };
        };
    };
    PostsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePostDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostView"];
                };
            };
        };
    };
    PostsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostView"];
                };
            };
        };
    };
    PostsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PostsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePostDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostView"];
                };
            };
        };
    };
    PostsController_listComments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommentView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    PostsController_addComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
        };
    };
    PostsController_react: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                kind: "like" | "celebrate" | "insightful" | "support";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionsView"];
                };
            };
        };
    };
    PostsController_unreact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                kind: "like" | "celebrate" | "insightful" | "support";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReactionsView"];
                };
            };
        };
    };
    TimelineController_feed: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                scope?: "home" | "company";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PostView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    TimelineController_groupFeed: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PostView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    TimelineController_byAuthor: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PostView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    CommentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
        };
    };
    CommentsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Previous texts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionView"][];
                    };
                };
            };
        };
    };
    PollsController_vote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VotePollDto"];
            };
        };
        responses: {
            /** @description The poll after the vote; the caller's choice replaces any previous one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollView"];
                };
            };
        };
    };
    PollsController_retract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The poll without the caller's choice (idempotent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PollView"];
                };
            };
        };
    };
    TrendingTopicsController_list: {
        parameters: {
            query?: {
                /** @description How many topics, most posts first */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hashtags with the most posts in the last 7 days among the posts the caller may see, with their counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrendingTopicsView"];
                };
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                status?: "draft" | "open" | "review" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CampaignView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            /** @description A draft, visible to the innovation team only until opened */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            /** @description Drafts only (409 once open) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description draft → open: ideas and votes accepted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_advance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description open → review: the top advanceTopN ideas go in_review, the rest not_selected */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description review → closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignView"];
                };
            };
        };
    };
    CampaignsController_listIdeas: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description top: most votes first, earliest submission first among equals */
                sort?: "top" | "new";
                status?: "submitted" | "in_review" | "not_selected" | "selected" | "rejected" | "implemented";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IdeaView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    CampaignsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIdeaDto"];
            };
        };
        responses: {
            /** @description 409 unless the campaign is open */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaView"];
                };
            };
        };
    };
    CampaignsController_similar: {
        parameters: {
            query: {
                /** @description The title being typed */
                title: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Existing ideas with a similar title, best match first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SimilarIdeaView"][];
                    };
                };
            };
        };
    };
    CampaignsController_summary: {
        parameters: {
            query?: {
                /** @description Leaderboard length */
                top?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignSummaryView"];
                };
            };
        };
    };
    IdeasController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaDetailView"];
                };
            };
        };
    };
    IdeasController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIdeaDto"];
            };
        };
        responses: {
            /** @description The author, while the idea is submitted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaDetailView"];
                };
            };
        };
    };
    IdeasController_vote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Idempotent; 409 unless the campaign is open; 400 for your own idea */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaVoteView"];
                };
            };
        };
    };
    IdeasController_unvote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaVoteView"];
                };
            };
        };
    };
    IdeasController_listComments: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IdeaCommentView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    IdeasController_addComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIdeaCommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaCommentView"];
                };
            };
        };
    };
    IdeasController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReviewDto"];
            };
        };
        responses: {
            /** @description A reviewer of the campaign, idea in_review; 409 for a second review */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewView"];
                };
            };
        };
    };
    IdeasController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            /** @description in_review → selected | rejected (rationale required), selected → implemented */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaDetailView"];
                };
            };
        };
    };
    IdeasController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeView"];
                };
            };
        };
    };
    IdeasController_updateImplementation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImplementationDto"];
            };
        };
        responses: {
            /** @description Selected or implemented ideas: owner, progress, milestones */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdeaDetailView"];
                };
            };
        };
    };
    ReportsController_mine: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ReportView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    ReportsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportDto"];
            };
        };
        responses: {
            /** @description Already reported by the caller: the existing report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportView"];
                };
            };
            /** @description The content does not exist or the caller cannot see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModerationController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only this group's content */
                groupId?: string;
                targetType?: "post" | "comment" | "idea" | "question" | "answer" | "kudos";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["QueueItem"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The caller moderates nothing (neither a moderator nor a group owner or admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModerationController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolutionView"];
                };
            };
            /** @description Not a moderator, nor an owner or admin of the group the content is in */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such report */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Already resolved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModerationController_auditLog: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only this action */
                action?: "moderation.hide" | "moderation.remove" | "moderation.dismiss" | "moderation.auto_hide" | "moderation.hold" | "moderation.settings_changed" | "user.roles_changed" | "user.suspended" | "user.reinstated" | "user.deactivated" | "user.reactivated" | "user.erased" | "user.password_reset" | "user.two_factor_reset" | "group.banned" | "group.unbanned" | "group.role_changed" | "group.member_removed" | "guidelines.published";
                actorId?: string;
                /** @description Only entries about this target (a user, a post...) */
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntryView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    ModerationController_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
        };
    };
    ModerationController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsView"];
                };
            };
        };
    };
    GuidelinesController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuidelinesView"];
                };
            };
        };
    };
    GuidelinesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishGuidelinesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuidelinesView"];
                };
            };
        };
    };
    GuidelinesController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptGuidelinesDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not the current version, or no guidelines yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SuspensionsController_setSuspension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspensionDto"];
            };
        };
        responses: {
            /** @description The user, with its status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    ExpertiseController_experts: {
        parameters: {
            query: {
                /** @description Free text: skills, topics or a name, in French or English; accents, case and typos do not matter */
                q: string;
                /** @description Only people of this department (case and accents ignored) */
                department?: string;
                /** @description Only people at this location (case and accents ignored) */
                location?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpertView"][];
                    };
                };
            };
        };
    };
    ExpertiseController_listSynonyms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sorted by canonical key, then alias */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SynonymView"][];
                    };
                };
            };
        };
    };
    ExpertiseController_replaceSynonyms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceSynonymsDto"];
            };
        };
        responses: {
            /** @description The table as stored now, sorted by canonical key, then alias */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SynonymView"][];
                    };
                };
            };
        };
    };
    TopicsController_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopicPageView"];
                };
            };
        };
    };
    TopicsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyTopicsView"];
                };
            };
        };
    };
    TopicsController_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Following (idempotent): questions on it may be routed to you when experts are few */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TopicsController_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not following (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TopicsController_help: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopicHelperDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopicHelperView"];
                };
            };
        };
    };
    TopicsController_stopHelping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                topic: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No longer a helper (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MentoringController_profile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentoringProfileView"];
                };
            };
        };
    };
    MentoringController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMentoringDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentoringProfileView"];
                };
            };
        };
    };
    MentoringController_publicProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicMentoringView"];
                };
            };
            /** @description Unknown or suspended person */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MentoringController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only requests where the caller is the mentee, or the mentor */
                role?: "mentee" | "mentor";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MentoringRequestView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    MentoringController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMentoringRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentoringRequestView"];
                };
            };
        };
    };
    MentoringController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentoringRequestView"];
                };
            };
        };
    };
    MentoringController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentoringRequestView"];
                };
            };
        };
    };
    QuestionsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only questions on this topic (any spelling or synonym of it) */
                topic?: string;
                status?: "open" | "answered";
                /** @description Only questions routed to the caller, most recently routed first */
                for?: "me";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["QuestionView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    QuestionsController_ask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AskQuestionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionView"];
                };
            };
            /** @description Invalid fields, or a topic without letters or digits */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_similar: {
        parameters: {
            query: {
                /** @description The title being typed */
                title: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SimilarQuestionView"][];
                    };
                };
            };
        };
    };
    QuestionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionDetailView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionEditsController_removeQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionEditsController_updateQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateQuestionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionDetailView"];
                };
            };
        };
    };
    QuestionsController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerView"];
                };
            };
        };
    };
    QuestionsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionDetailView"];
                };
            };
            /** @description Not the asker */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such question, or the answer is not an answer to it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Another answer is already accepted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimResultView"];
                };
            };
            /** @description Someone else is on it, or an answer is accepted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The claim is someone else’s */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_vote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteView"];
                };
            };
        };
    };
    QuestionsController_unvote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoteView"];
                };
            };
        };
    };
    QuestionQueueController_unanswered: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["QuestionView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not a moderator or analytics reader */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionEditsController_questionHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Previous texts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionView"][];
                    };
                };
            };
        };
    };
    QuestionEditsController_removeAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionEditsController_updateAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerView"];
                };
            };
        };
    };
    QuestionEditsController_answerHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Previous texts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionView"][];
                    };
                };
            };
        };
    };
    RecognitionController_helpers: {
        parameters: {
            query?: {
                /** @description The month, YYYY-MM (UTC); default: last month. Not in the future. */
                month?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HelperDigestView"];
                };
            };
        };
    };
    RecognitionController_give: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GiveKudosDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KudosView"];
                };
            };
        };
    };
    RecognitionController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Taken back (only by whoever gave it) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecognitionController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only kudos received, or only given (default: both) */
                direction?: "received" | "given";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["KudosView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    RecognitionController_badgesOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BadgeView"][];
                    };
                };
            };
        };
    };
    RecognitionController_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["BadgeRuleView"][];
                    };
                };
            };
        };
    };
    RecognitionController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecognitionSettingsView"];
                };
            };
        };
    };
    RecognitionController_set: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecognitionSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecognitionSettingsView"];
                };
            };
        };
    };
    AnnouncementsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description true: only what is pinned for me (published, not expired, not yet read) */
                pinned?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AnnouncementView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    AnnouncementsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAnnouncementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description Not an admin (company-wide), or not an owner or admin of the group */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such group, or a private group the caller is not in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description Not published yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_receipts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Which people to list */
                list?: "unread" | "read";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptsView"];
                };
            };
            /** @description Not the author, nor an admin of its scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_remind: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReminderView"];
                };
            };
            /** @description Already reminded today, or not live */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description Only unread notifications */
                unread?: boolean;
                /** @description Only these kinds, comma-separated (a category of the list) */
                kinds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountView"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesView"];
                };
            };
        };
    };
    NotificationsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesView"];
                };
            };
        };
    };
    NotificationsController_mutes: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MuteView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    NotificationsController_mute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                type: "post" | "group";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such post or group, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_unmute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                type: "post" | "group";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DigestController_digest: {
        parameters: {
            query?: {
                /** @description Start of the digest; default 24 hours ago, at most 31 days ago */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigestView"];
                };
            };
        };
    };
    AnalyticsController_overview: {
        parameters: {
            query?: {
                /** @description First day (UTC), included; default 29 days before `to` */
                from?: string;
                /** @description Last day (UTC), included; default today. At most 366 days in all */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewView"];
                };
            };
            /** @description Only admins and the innovation team read company analytics */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_departmentList: {
        parameters: {
            query?: {
                /** @description First day (UTC), included; default 29 days before `to` */
                from?: string;
                /** @description Last day (UTC), included; default today. At most 366 days in all */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentsView"];
                };
            };
            /** @description Only admins and the innovation team read company analytics */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_department: {
        parameters: {
            query?: {
                /** @description First day (UTC), included; default 29 days before `to` */
                from?: string;
                /** @description Last day (UTC), included; default today. At most 366 days in all */
                to?: string;
            };
            header?: never;
            path: {
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDashboardView"];
                };
            };
            /** @description Only admins and the innovation team read company analytics */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such department, or fewer than 5 people in it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnalyticsController_export: {
        parameters: {
            query?: {
                /** @description First day (UTC), included; default 29 days before `to` */
                from?: string;
                /** @description Last day (UTC), included; default today. At most 366 days in all */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A header row, then one row per day, oldest first (the figures of the overview by day) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Only admins and the innovation team read company analytics */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GroupHealthController_groupHealth: {
        parameters: {
            query?: {
                /** @description Length of the window, in weeks up to now */
                weeks?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupHealthView"];
                };
            };
            /** @description Not an owner or admin of the group (nor an analytics reader) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The group does not exist, or it is private and the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SearchController_find: {
        parameters: {
            query: {
                /** @description What to look for: words, "a phrase", -excluded, or */
                q: string;
                /** @description Only this kind of result */
                type?: "post" | "person" | "group" | "idea" | "question";
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResultsView"];
                };
            };
        };
    };
    TrainingController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                /** @description mine: paths I follow; managed: paths I may edit */
                filter?: "mine" | "managed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PathView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    TrainingController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePathDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
            /** @description Not an admin (company path), not an owner or admin of the group */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrainingController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PathView"][];
                    };
                };
            };
        };
    };
    TrainingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
            /** @description Unknown, a draft you may not edit, or in a group you may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrainingController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft is gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Published: archive it instead */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrainingController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePathDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
            /** @description Published paths are frozen */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrainingController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
        };
    };
    TrainingController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
        };
    };
    TrainingController_enroll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
        };
    };
    TrainingController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                stepId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathView"];
                };
            };
        };
    };
    TrainingController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathProgressView"];
                };
            };
        };
    };
    FirstRunController_suggestions: {
        parameters: {
            query?: {
                /** @description At most this many of each: colleagues, groups, skills */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The suggestions, closest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestionsView"];
                };
            };
            /** @description limit is not an integer from 1 to 20, or an unknown parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FirstRunController_state: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The first-run state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FirstRunView"];
                };
            };
        };
    };
    FirstRunController_finish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FirstRunDto"];
            };
        };
        responses: {
            /** @description The first-run state, no longer due */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FirstRunView"];
                };
            };
            /** @description outcome is not finished or skipped */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PrivacyController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportView"];
                };
            };
        };
    };
    PrivacyController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExportView"][];
                    };
                };
            };
        };
    };
    PrivacyController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportView"];
                };
            };
        };
    };
    PrivacyController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
        };
    };
    PrivacyController_eraseSelf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseSelfDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureView"];
                };
            };
        };
    };
    PrivacyController_eraseUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureView"];
                };
            };
        };
    };
    EmailController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmailController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page saying it is done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmailController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque cursor from a previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` as `cursor` for the next (null: no more) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SuppressionView"][];
                        /** @description Send it back as `cursor` for the next page */
                        nextCursor: string | null;
                    };
                };
            };
        };
    };
    EmailController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lifted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The address is not suppressed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PushController_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSettingsView"];
                };
            };
        };
    };
    PushController_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionView"];
                };
            };
        };
    };
    PushController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnsubscribeDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PushController_quietHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuietHoursDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSettingsView"];
                };
            };
        };
    };
    PushController_test: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushTestView"];
                };
            };
        };
    };
}
