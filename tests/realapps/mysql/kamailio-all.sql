-- schematool real-application corpus: kamailio-all (mysql)
-- Source:    https://github.com/kamailio/kamailio
-- Paths:     48 files, concatenated in this order:
--              utils/kamctl/mysql/standard-create.sql
--              utils/kamctl/mysql/acc-create.sql
--              utils/kamctl/mysql/alias_db-create.sql
--              utils/kamctl/mysql/auth_db-create.sql
--              utils/kamctl/mysql/avpops-create.sql
--              utils/kamctl/mysql/carrierroute-create.sql
--              utils/kamctl/mysql/cpl-create.sql
--              utils/kamctl/mysql/dialog-create.sql
--              utils/kamctl/mysql/dialplan-create.sql
--              utils/kamctl/mysql/dispatcher-create.sql
--              utils/kamctl/mysql/domain-create.sql
--              utils/kamctl/mysql/domainpolicy-create.sql
--              utils/kamctl/mysql/drouting-create.sql
--              utils/kamctl/mysql/group-create.sql
--              utils/kamctl/mysql/htable-create.sql
--              utils/kamctl/mysql/imc-create.sql
--              utils/kamctl/mysql/ims_charging-create.sql
--              utils/kamctl/mysql/ims_icscf-create.sql
--              utils/kamctl/mysql/ims_usrloc_pcscf-create.sql
--              utils/kamctl/mysql/ims_usrloc_scscf-create.sql
--              utils/kamctl/mysql/lcr-create.sql
--              utils/kamctl/mysql/matrix-create.sql
--              utils/kamctl/mysql/mohqueue-create.sql
--              utils/kamctl/mysql/msilo-create.sql
--              utils/kamctl/mysql/mtree-create.sql
--              utils/kamctl/mysql/pdt-create.sql
--              utils/kamctl/mysql/permissions-create.sql
--              utils/kamctl/mysql/pipelimit-create.sql
--              utils/kamctl/mysql/presence-create.sql
--              utils/kamctl/mysql/purple-create.sql
--              utils/kamctl/mysql/registrar-create.sql
--              utils/kamctl/mysql/rls-create.sql
--              utils/kamctl/mysql/rtpengine-create.sql
--              utils/kamctl/mysql/rtpproxy-create.sql
--              utils/kamctl/mysql/sca-create.sql
--              utils/kamctl/mysql/secfilter-create.sql
--              utils/kamctl/mysql/siptrace-create.sql
--              utils/kamctl/mysql/speeddial-create.sql
--              utils/kamctl/mysql/topos-create.sql
--              utils/kamctl/mysql/uac-create.sql
--              utils/kamctl/mysql/uid_auth_db-create.sql
--              utils/kamctl/mysql/uid_avp_db-create.sql
--              utils/kamctl/mysql/uid_domain-create.sql
--              utils/kamctl/mysql/uid_gflags-create.sql
--              utils/kamctl/mysql/uid_uri_db-create.sql
--              utils/kamctl/mysql/uri_db-create.sql
--              utils/kamctl/mysql/userblocklist-create.sql
--              utils/kamctl/mysql/usrloc-create.sql
-- Commit:    38711a3e788de0130d48cb485578c482b57d9351 (2026-08-20)
-- Licence:   GPL-2.0-or-later (COPYING)
-- Copyright: Copyright (C) the Kamailio (OpenSER, SER) project and contributors
-- Changes:   none (the modules' files are concatenated; ims_dialog, the IMS alternative to dialog, is left out: both create dialog_vars)
-- Below this header: the application's own text, changed only as the line above says.

CREATE TABLE `version` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `table_name` VARCHAR(32) NOT NULL,
    `table_version` INT UNSIGNED DEFAULT 0 NOT NULL,
    CONSTRAINT table_name_idx UNIQUE (`table_name`)
);

INSERT INTO version (table_name, table_version) values ('version','1');


CREATE TABLE `acc` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `method` VARCHAR(16) DEFAULT '' NOT NULL,
    `from_tag` VARCHAR(128) DEFAULT '' NOT NULL,
    `to_tag` VARCHAR(128) DEFAULT '' NOT NULL,
    `callid` VARCHAR(255) DEFAULT '' NOT NULL,
    `sip_code` VARCHAR(3) DEFAULT '' NOT NULL,
    `sip_reason` VARCHAR(128) DEFAULT '' NOT NULL,
    `time` DATETIME NOT NULL
);

CREATE INDEX callid_idx ON acc (`callid`);

INSERT INTO version (table_name, table_version) values ('acc','5');

CREATE TABLE `acc_cdrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `start_time` DATETIME DEFAULT '2000-01-01 00:00:00' NOT NULL,
    `end_time` DATETIME DEFAULT '2000-01-01 00:00:00' NOT NULL,
    `duration` FLOAT(13,6) DEFAULT 0 NOT NULL
);

CREATE INDEX start_time_idx ON acc_cdrs (`start_time`);

INSERT INTO version (table_name, table_version) values ('acc_cdrs','3');

CREATE TABLE `missed_calls` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `method` VARCHAR(16) DEFAULT '' NOT NULL,
    `from_tag` VARCHAR(128) DEFAULT '' NOT NULL,
    `to_tag` VARCHAR(128) DEFAULT '' NOT NULL,
    `callid` VARCHAR(255) DEFAULT '' NOT NULL,
    `sip_code` VARCHAR(3) DEFAULT '' NOT NULL,
    `sip_reason` VARCHAR(128) DEFAULT '' NOT NULL,
    `time` DATETIME NOT NULL
);

CREATE INDEX callid_idx ON missed_calls (`callid`);

INSERT INTO version (table_name, table_version) values ('missed_calls','4');


CREATE TABLE `dbaliases` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `alias_username` VARCHAR(64) DEFAULT '' NOT NULL,
    `alias_domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL
);

CREATE INDEX alias_user_idx ON dbaliases (`alias_username`);
CREATE INDEX alias_idx ON dbaliases (`alias_username`, `alias_domain`);
CREATE INDEX target_idx ON dbaliases (`username`, `domain`);

INSERT INTO version (table_name, table_version) values ('dbaliases','1');


CREATE TABLE `subscriber` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `password` VARCHAR(64) DEFAULT '' NOT NULL,
    `ha1` VARCHAR(128) DEFAULT '' NOT NULL,
    `ha1b` VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT account_idx UNIQUE (`username`, `domain`)
);

CREATE INDEX username_idx ON subscriber (`username`);

INSERT INTO version (table_name, table_version) values ('subscriber','7');


CREATE TABLE `usr_preferences` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `uuid` VARCHAR(64) DEFAULT '' NOT NULL,
    `username` VARCHAR(255) DEFAULT 0 NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `attribute` VARCHAR(32) DEFAULT '' NOT NULL,
    `type` INT(11) DEFAULT 0 NOT NULL,
    `value` VARCHAR(128) DEFAULT '' NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL
);

CREATE INDEX ua_idx ON usr_preferences (`uuid`, `attribute`);
CREATE INDEX uda_idx ON usr_preferences (`username`, `domain`, `attribute`);

INSERT INTO version (table_name, table_version) values ('usr_preferences','2');


CREATE TABLE `carrierroute` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `carrier` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `domain` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `scan_prefix` VARCHAR(64) DEFAULT '' NOT NULL,
    `flags` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `mask` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `prob` FLOAT DEFAULT 0 NOT NULL,
    `strip` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `rewrite_host` VARCHAR(255) DEFAULT '' NOT NULL,
    `rewrite_prefix` VARCHAR(64) DEFAULT '' NOT NULL,
    `rewrite_suffix` VARCHAR(64) DEFAULT '' NOT NULL,
    `description` VARCHAR(255) DEFAULT NULL
);

INSERT INTO version (table_name, table_version) values ('carrierroute','3');

CREATE TABLE `carrierfailureroute` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `carrier` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `domain` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `scan_prefix` VARCHAR(64) DEFAULT '' NOT NULL,
    `host_name` VARCHAR(255) DEFAULT '' NOT NULL,
    `reply_code` VARCHAR(3) DEFAULT '' NOT NULL,
    `flags` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `mask` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `next_domain` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `description` VARCHAR(255) DEFAULT NULL
);

INSERT INTO version (table_name, table_version) values ('carrierfailureroute','2');

CREATE TABLE `carrier_name` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `carrier` VARCHAR(64) DEFAULT NULL
);

INSERT INTO version (table_name, table_version) values ('carrier_name','1');

CREATE TABLE `domain_name` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `domain` VARCHAR(64) DEFAULT NULL
);

INSERT INTO version (table_name, table_version) values ('domain_name','1');


CREATE TABLE `cpl` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `cpl_xml` TEXT,
    `cpl_bin` TEXT,
    CONSTRAINT account_idx UNIQUE (`username`, `domain`)
);

INSERT INTO version (table_name, table_version) values ('cpl','1');


CREATE TABLE `dialog` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `hash_entry` INT(10) UNSIGNED NOT NULL,
    `hash_id` INT(10) UNSIGNED NOT NULL,
    `callid` VARCHAR(255) NOT NULL,
    `from_uri` VARCHAR(255) NOT NULL,
    `from_tag` VARCHAR(128) NOT NULL,
    `to_uri` VARCHAR(255) NOT NULL,
    `to_tag` VARCHAR(128) NOT NULL,
    `caller_cseq` VARCHAR(20) NOT NULL,
    `callee_cseq` VARCHAR(20) NOT NULL,
    `caller_route_set` VARCHAR(512),
    `callee_route_set` VARCHAR(512),
    `caller_contact` VARCHAR(255) NOT NULL,
    `callee_contact` VARCHAR(255) NOT NULL,
    `caller_sock` VARCHAR(64) NOT NULL,
    `callee_sock` VARCHAR(64) NOT NULL,
    `state` INT(10) UNSIGNED NOT NULL,
    `start_time` INT(10) UNSIGNED NOT NULL,
    `timeout` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `sflags` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `iflags` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `toroute_name` VARCHAR(32),
    `req_uri` VARCHAR(255) NOT NULL,
    `xdata` VARCHAR(512)
);

CREATE INDEX hash_idx ON dialog (`hash_entry`, `hash_id`);

INSERT INTO version (table_name, table_version) values ('dialog','7');

CREATE TABLE `dialog_vars` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `hash_entry` INT(10) UNSIGNED NOT NULL,
    `hash_id` INT(10) UNSIGNED NOT NULL,
    `dialog_key` VARCHAR(128) NOT NULL,
    `dialog_value` VARCHAR(512) NOT NULL
);

CREATE INDEX hash_idx ON dialog_vars (`hash_entry`, `hash_id`);

INSERT INTO version (table_name, table_version) values ('dialog_vars','1');


CREATE TABLE `dialplan` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `dpid` INT(11) NOT NULL,
    `pr` INT(11) NOT NULL,
    `match_op` INT(11) NOT NULL,
    `match_exp` VARCHAR(64) NOT NULL,
    `match_len` INT(11) NOT NULL,
    `subst_exp` VARCHAR(64) NOT NULL,
    `repl_exp` VARCHAR(256) NOT NULL,
    `attrs` VARCHAR(64) NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dialplan','2');


CREATE TABLE `dispatcher` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `setid` INT DEFAULT 0 NOT NULL,
    `destination` VARCHAR(192) DEFAULT '' NOT NULL,
    `flags` INT DEFAULT 0 NOT NULL,
    `priority` INT DEFAULT 0 NOT NULL,
    `attrs` VARCHAR(128) DEFAULT '' NOT NULL,
    `description` VARCHAR(64) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dispatcher','4');


CREATE TABLE `domain` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `did` VARCHAR(64) DEFAULT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    CONSTRAINT domain_idx UNIQUE (`domain`)
);

INSERT INTO version (table_name, table_version) values ('domain','2');

CREATE TABLE `domain_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `did` VARCHAR(64) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `type` INT UNSIGNED NOT NULL,
    `value` VARCHAR(255) NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL
);

CREATE INDEX domain_attrs_idx ON domain_attrs (`did`, `name`);

INSERT INTO version (table_name, table_version) values ('domain_attrs','1');


CREATE TABLE `domainpolicy` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `rule` VARCHAR(255) NOT NULL,
    `type` VARCHAR(255) NOT NULL,
    `att` VARCHAR(255),
    `val` VARCHAR(128),
    `description` VARCHAR(255) NOT NULL,
    CONSTRAINT rav_idx UNIQUE (`rule`, `att`, `val`)
);

CREATE INDEX rule_idx ON domainpolicy (`rule`);

INSERT INTO version (table_name, table_version) values ('domainpolicy','2');


CREATE TABLE `dr_gateways` (
    `gwid` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `type` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `address` VARCHAR(128) NOT NULL,
    `strip` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `pri_prefix` VARCHAR(64) DEFAULT NULL,
    `attrs` VARCHAR(255) DEFAULT NULL,
    `description` VARCHAR(128) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dr_gateways','3');

CREATE TABLE `dr_rules` (
    `ruleid` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `groupid` VARCHAR(255) NOT NULL,
    `prefix` VARCHAR(64) NOT NULL,
    `timerec` VARCHAR(255) NOT NULL,
    `priority` INT(11) DEFAULT 0 NOT NULL,
    `routeid` VARCHAR(64) NOT NULL,
    `gwlist` VARCHAR(255) NOT NULL,
    `description` VARCHAR(128) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dr_rules','3');

CREATE TABLE `dr_gw_lists` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `gwlist` VARCHAR(255) NOT NULL,
    `description` VARCHAR(128) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dr_gw_lists','1');

CREATE TABLE `dr_groups` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(128) DEFAULT '' NOT NULL,
    `groupid` INT(11) UNSIGNED DEFAULT 0 NOT NULL,
    `description` VARCHAR(128) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('dr_groups','2');


CREATE TABLE `grp` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `grp` VARCHAR(64) DEFAULT '' NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    CONSTRAINT account_group_idx UNIQUE (`username`, `domain`, `grp`)
);

INSERT INTO version (table_name, table_version) values ('grp','2');

CREATE TABLE `re_grp` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `reg_exp` VARCHAR(128) DEFAULT '' NOT NULL,
    `group_id` INT(11) DEFAULT 0 NOT NULL
);

CREATE INDEX group_idx ON re_grp (`group_id`);

INSERT INTO version (table_name, table_version) values ('re_grp','1');


CREATE TABLE `htable` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `key_name` VARCHAR(256) DEFAULT '' NOT NULL,
    `key_type` INT DEFAULT 0 NOT NULL,
    `value_type` INT DEFAULT 0 NOT NULL,
    `key_value` VARCHAR(512) DEFAULT '' NOT NULL,
    `expires` INT DEFAULT 0 NOT NULL
);

INSERT INTO version (table_name, table_version) values ('htable','2');

CREATE TABLE `imc_rooms` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `flag` INT(11) NOT NULL,
    CONSTRAINT name_domain_idx UNIQUE (`name`, `domain`)
);

INSERT INTO version (table_name, table_version) values ('imc_rooms','1');

CREATE TABLE `imc_members` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `room` VARCHAR(64) NOT NULL,
    `flag` INT(11) NOT NULL,
    CONSTRAINT account_room_idx UNIQUE (`username`, `domain`, `room`)
);

INSERT INTO version (table_name, table_version) values ('imc_members','1');


CREATE TABLE `ro_session` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `hash_entry` INT(10) UNSIGNED NOT NULL,
    `hash_id` INT(10) UNSIGNED NOT NULL,
    `session_id` VARCHAR(100) NOT NULL,
    `dlg_hash_entry` INT(10) UNSIGNED NOT NULL,
    `dlg_hash_id` INT(10) UNSIGNED NOT NULL,
    `direction` INT(1) UNSIGNED NOT NULL,
    `asserted_identity` VARCHAR(100) NOT NULL,
    `callee` VARCHAR(100) NOT NULL,
    `start_time` DATETIME DEFAULT NULL,
    `last_event_timestamp` DATETIME DEFAULT NULL,
    `reserved_secs` INT(10) DEFAULT NULL,
    `valid_for` INT(10) DEFAULT NULL,
    `state` INT(1) DEFAULT NULL,
    `incoming_trunk_id` VARCHAR(20) DEFAULT NULL,
    `outgoing_trunk_id` VARCHAR(20) DEFAULT NULL,
    `rating_group` INT(11) DEFAULT NULL,
    `service_identifier` INT(11) DEFAULT NULL,
    `auth_app_id` INT(11) NOT NULL,
    `auth_session_type` INT(11) NOT NULL,
    `pani` VARCHAR(100) DEFAULT NULL,
    `mac` VARCHAR(17) DEFAULT NULL,
    `app_provided_party` VARCHAR(100) DEFAULT NULL,
    `is_final_allocation` INT(1) UNSIGNED NOT NULL,
    `origin_host` VARCHAR(150) DEFAULT NULL
);

CREATE INDEX hash_idx ON ro_session (`hash_entry`, `hash_id`);

INSERT INTO version (table_name, table_version) values ('ro_session','3');

CREATE TABLE `nds_trusted_domains` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `trusted_domain` VARCHAR(83) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('nds_trusted_domains','1');

CREATE TABLE `s_cscf` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `name` VARCHAR(83) DEFAULT '' NOT NULL,
    `s_cscf_uri` VARCHAR(83) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('s_cscf','1');

CREATE TABLE `s_cscf_capabilities` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `id_s_cscf` INT(11) DEFAULT 0 NOT NULL,
    `capability` INT(11) DEFAULT 0 NOT NULL
);

CREATE INDEX idx_capability ON s_cscf_capabilities (`capability`);
CREATE INDEX idx_id_s_cscf ON s_cscf_capabilities (`id_s_cscf`);

INSERT INTO version (table_name, table_version) values ('s_cscf_capabilities','1');


CREATE TABLE `pcscf_location` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `aor` VARCHAR(255) NOT NULL,
    `host` VARCHAR(100) NOT NULL,
    `port` INT(10) NOT NULL,
    `received` VARCHAR(128) DEFAULT NULL,
    `received_port` INT(10) UNSIGNED DEFAULT NULL,
    `received_proto` INT(10) UNSIGNED DEFAULT NULL,
    `path` VARCHAR(512) DEFAULT NULL,
    `rinstance` VARCHAR(255) DEFAULT NULL,
    `rx_session_id` VARCHAR(256) DEFAULT NULL,
    `reg_state` TINYINT(4) DEFAULT NULL,
    `expires` DATETIME DEFAULT '2030-05-28 21:32:15',
    `service_routes` VARCHAR(2048) DEFAULT NULL,
    `socket` VARCHAR(64) DEFAULT NULL,
    `public_ids` VARCHAR(2048) DEFAULT NULL,
    `security_type` INT(11) DEFAULT NULL,
    `protocol` VARCHAR(5) DEFAULT NULL,
    `mode` VARCHAR(10) DEFAULT NULL,
    `ck` VARCHAR(100) DEFAULT NULL,
    `ik` VARCHAR(100) DEFAULT NULL,
    `ealg` VARCHAR(20) DEFAULT NULL,
    `ialg` VARCHAR(20) DEFAULT NULL,
    `port_pc` INT(11) UNSIGNED DEFAULT NULL,
    `port_ps` INT(11) UNSIGNED DEFAULT NULL,
    `port_uc` INT(11) UNSIGNED DEFAULT NULL,
    `port_us` INT(11) UNSIGNED DEFAULT NULL,
    `spi_pc` INT(11) UNSIGNED DEFAULT NULL,
    `spi_ps` INT(11) UNSIGNED DEFAULT NULL,
    `spi_uc` INT(11) UNSIGNED DEFAULT NULL,
    `spi_us` INT(11) UNSIGNED DEFAULT NULL,
    `t_security_type` INT(11) DEFAULT NULL,
    `t_protocol` VARCHAR(5) DEFAULT NULL,
    `t_mode` VARCHAR(10) DEFAULT NULL,
    `t_ck` VARCHAR(100) DEFAULT NULL,
    `t_ik` VARCHAR(100) DEFAULT NULL,
    `t_ealg` VARCHAR(20) DEFAULT NULL,
    `t_ialg` VARCHAR(20) DEFAULT NULL,
    `t_port_pc` INT(11) UNSIGNED DEFAULT NULL,
    `t_port_ps` INT(11) UNSIGNED DEFAULT NULL,
    `t_port_uc` INT(11) UNSIGNED DEFAULT NULL,
    `t_port_us` INT(11) UNSIGNED DEFAULT NULL,
    `t_spi_pc` INT(11) UNSIGNED DEFAULT NULL,
    `t_spi_ps` INT(11) UNSIGNED DEFAULT NULL,
    `t_spi_uc` INT(11) UNSIGNED DEFAULT NULL,
    `t_spi_us` INT(11) UNSIGNED DEFAULT NULL
);

CREATE INDEX aor_idx ON pcscf_location (`aor`);

INSERT INTO version (table_name, table_version) values ('pcscf_location','7');

CREATE TABLE `contact` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `contact` VARCHAR(255) NOT NULL,
    `params` VARCHAR(255) DEFAULT NULL,
    `path` VARCHAR(255) DEFAULT NULL,
    `received` VARCHAR(255) DEFAULT NULL,
    `user_agent` VARCHAR(255) DEFAULT NULL,
    `expires` DATETIME DEFAULT NULL,
    `callid` VARCHAR(255) DEFAULT NULL,
    CONSTRAINT contact UNIQUE (`contact`)
);

INSERT INTO version (table_name, table_version) values ('contact','6');

CREATE TABLE `impu` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `impu` VARCHAR(64) NOT NULL,
    `barring` INT(1) DEFAULT 0,
    `reg_state` INT(11) DEFAULT 0,
    `ccf1` VARCHAR(64) DEFAULT NULL,
    `ccf2` VARCHAR(64) DEFAULT NULL,
    `ecf1` VARCHAR(64) DEFAULT NULL,
    `ecf2` VARCHAR(64) DEFAULT NULL,
    `ims_subscription_data` BLOB,
    CONSTRAINT impu UNIQUE (`impu`)
);

INSERT INTO version (table_name, table_version) values ('impu','6');

CREATE TABLE `impu_contact` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `impu_id` INT(10) NOT NULL,
    `contact_id` INT(10) NOT NULL,
    CONSTRAINT impu_id UNIQUE (`impu_id`, `contact_id`)
);

INSERT INTO version (table_name, table_version) values ('impu_contact','6');

CREATE TABLE `subscriber_scscf` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `watcher_uri` VARCHAR(100) NOT NULL,
    `watcher_contact` VARCHAR(100) NOT NULL,
    `presentity_uri` VARCHAR(100) NOT NULL,
    `event` INT(11) NOT NULL,
    `expires` DATETIME NOT NULL,
    `version` INT(11) NOT NULL,
    `local_cseq` INT(11) NOT NULL,
    `call_id` VARCHAR(50) NOT NULL,
    `from_tag` VARCHAR(50) NOT NULL,
    `to_tag` VARCHAR(50) NOT NULL,
    `record_route` TEXT NOT NULL,
    `sockinfo_str` VARCHAR(50) NOT NULL,
    CONSTRAINT contact UNIQUE (`event`, `watcher_contact`, `presentity_uri`)
);

INSERT INTO version (table_name, table_version) values ('subscriber_scscf','6');

CREATE TABLE `impu_subscriber` (
    `id` INT(10) AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `impu_id` INT(10) NOT NULL,
    `subscriber_id` INT(10) NOT NULL,
    CONSTRAINT impu_id UNIQUE (`impu_id`, `subscriber_id`)
);

INSERT INTO version (table_name, table_version) values ('impu_subscriber','6');

CREATE TABLE `lcr_gw` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `lcr_id` SMALLINT UNSIGNED NOT NULL,
    `gw_name` VARCHAR(128),
    `ip_addr` VARCHAR(50),
    `hostname` VARCHAR(64),
    `port` SMALLINT UNSIGNED,
    `params` VARCHAR(64),
    `uri_scheme` TINYINT UNSIGNED,
    `transport` TINYINT UNSIGNED,
    `strip` TINYINT UNSIGNED,
    `prefix` VARCHAR(16) DEFAULT NULL,
    `tag` VARCHAR(64) DEFAULT NULL,
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    `defunct` INT UNSIGNED DEFAULT NULL
);

CREATE INDEX lcr_id_idx ON lcr_gw (`lcr_id`);

INSERT INTO version (table_name, table_version) values ('lcr_gw','3');

CREATE TABLE `lcr_rule_target` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `lcr_id` SMALLINT UNSIGNED NOT NULL,
    `rule_id` INT UNSIGNED NOT NULL,
    `gw_id` INT UNSIGNED NOT NULL,
    `priority` TINYINT UNSIGNED NOT NULL,
    `weight` INT UNSIGNED DEFAULT 1 NOT NULL,
    CONSTRAINT rule_id_gw_id_idx UNIQUE (`rule_id`, `gw_id`)
);

CREATE INDEX lcr_id_idx ON lcr_rule_target (`lcr_id`);

INSERT INTO version (table_name, table_version) values ('lcr_rule_target','1');

CREATE TABLE `lcr_rule` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `lcr_id` SMALLINT UNSIGNED NOT NULL,
    `prefix` VARCHAR(16) DEFAULT NULL,
    `from_uri` VARCHAR(64) DEFAULT NULL,
    `request_uri` VARCHAR(64) DEFAULT NULL,
    `mt_tvalue` VARCHAR(128) DEFAULT NULL,
    `stopper` INT UNSIGNED DEFAULT 0 NOT NULL,
    `enabled` INT UNSIGNED DEFAULT 1 NOT NULL,
    CONSTRAINT lcr_id_prefix_from_uri_idx UNIQUE (`lcr_id`, `prefix`, `from_uri`)
);

INSERT INTO version (table_name, table_version) values ('lcr_rule','3');


CREATE TABLE `matrix` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `first` INT(10) NOT NULL,
    `second` SMALLINT(10) NOT NULL,
    `res` INT(10) NOT NULL
);

CREATE INDEX matrix_idx ON matrix (`first`, `second`);

INSERT INTO version (table_name, table_version) values ('matrix','1');


CREATE TABLE `mohqcalls` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `mohq_id` INT(10) UNSIGNED NOT NULL,
    `call_id` VARCHAR(100) NOT NULL,
    `call_status` INT UNSIGNED NOT NULL,
    `call_from` VARCHAR(100) NOT NULL,
    `call_contact` VARCHAR(100),
    `call_time` DATETIME NOT NULL,
    CONSTRAINT mohqcalls_idx UNIQUE (`call_id`)
);

INSERT INTO version (table_name, table_version) values ('mohqcalls','1');

CREATE TABLE `mohqueues` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `name` VARCHAR(25) NOT NULL,
    `uri` VARCHAR(100) NOT NULL,
    `mohdir` VARCHAR(100),
    `mohfile` VARCHAR(100) NOT NULL,
    `debug` INT NOT NULL,
    CONSTRAINT mohqueue_uri_idx UNIQUE (`uri`),
    CONSTRAINT mohqueue_name_idx UNIQUE (`name`)
);

INSERT INTO version (table_name, table_version) values ('mohqueues','1');


CREATE TABLE `silo` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `src_addr` VARCHAR(255) DEFAULT '' NOT NULL,
    `dst_addr` VARCHAR(255) DEFAULT '' NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `inc_time` INT DEFAULT 0 NOT NULL,
    `exp_time` INT DEFAULT 0 NOT NULL,
    `snd_time` INT DEFAULT 0 NOT NULL,
    `ctype` VARCHAR(32) DEFAULT 'text/plain' NOT NULL,
    `body` BLOB,
    `extra_hdrs` TEXT,
    `callid` VARCHAR(128) DEFAULT '' NOT NULL,
    `status` INT DEFAULT 0 NOT NULL
);

CREATE INDEX account_idx ON silo (`username`, `domain`);

INSERT INTO version (table_name, table_version) values ('silo','8');


CREATE TABLE `mtree` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `tprefix` VARCHAR(32) DEFAULT '' NOT NULL,
    `tvalue` VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT tprefix_idx UNIQUE (`tprefix`)
);

INSERT INTO version (table_name, table_version) values ('mtree','1');

CREATE TABLE `mtrees` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `tname` VARCHAR(128) DEFAULT '' NOT NULL,
    `tprefix` VARCHAR(32) DEFAULT '' NOT NULL,
    `tvalue` VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT tname_tprefix_tvalue_idx UNIQUE (`tname`, `tprefix`, `tvalue`)
);

INSERT INTO version (table_name, table_version) values ('mtrees','2');


CREATE TABLE `pdt` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `sdomain` VARCHAR(255) NOT NULL,
    `prefix` VARCHAR(32) NOT NULL,
    `domain` VARCHAR(255) DEFAULT '' NOT NULL,
    CONSTRAINT sdomain_prefix_idx UNIQUE (`sdomain`, `prefix`)
);

INSERT INTO version (table_name, table_version) values ('pdt','1');


CREATE TABLE `trusted` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `src_ip` VARCHAR(50) NOT NULL,
    `proto` VARCHAR(4) NOT NULL,
    `from_pattern` VARCHAR(64) DEFAULT NULL,
    `ruri_pattern` VARCHAR(64) DEFAULT NULL,
    `tag` VARCHAR(64),
    `priority` INT DEFAULT 0 NOT NULL
);

CREATE INDEX peer_idx ON trusted (`src_ip`);

INSERT INTO version (table_name, table_version) values ('trusted','6');

CREATE TABLE `address` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `grp` INT(11) UNSIGNED DEFAULT 1 NOT NULL,
    `ip_addr` VARCHAR(50) NOT NULL,
    `mask` INT DEFAULT 32 NOT NULL,
    `port` SMALLINT(5) UNSIGNED DEFAULT 0 NOT NULL,
    `tag` VARCHAR(64)
);

INSERT INTO version (table_name, table_version) values ('address','6');


CREATE TABLE `pl_pipes` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `pipeid` VARCHAR(64) DEFAULT '' NOT NULL,
    `algorithm` VARCHAR(32) DEFAULT '' NOT NULL,
    `plimit` INT DEFAULT 0 NOT NULL
);

INSERT INTO version (table_name, table_version) values ('pl_pipes','1');


CREATE TABLE `presentity` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `event` VARCHAR(64) NOT NULL,
    `etag` VARCHAR(128) NOT NULL,
    `expires` INT(11) NOT NULL,
    `received_time` INT(11) NOT NULL,
    `body` BLOB NOT NULL,
    `sender` VARCHAR(255) NOT NULL,
    `priority` INT(11) DEFAULT 0 NOT NULL,
    `ruid` VARCHAR(64),
    CONSTRAINT presentity_idx UNIQUE (`username`, `domain`, `event`, `etag`),
    CONSTRAINT ruid_idx UNIQUE (`ruid`)
);

CREATE INDEX presentity_expires ON presentity (`expires`);
CREATE INDEX account_idx ON presentity (`username`, `domain`, `event`);

INSERT INTO version (table_name, table_version) values ('presentity','5');

CREATE TABLE `active_watchers` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `presentity_uri` VARCHAR(255) NOT NULL,
    `watcher_username` VARCHAR(64) NOT NULL,
    `watcher_domain` VARCHAR(64) NOT NULL,
    `to_user` VARCHAR(64) NOT NULL,
    `to_domain` VARCHAR(64) NOT NULL,
    `event` VARCHAR(64) DEFAULT 'presence' NOT NULL,
    `event_id` VARCHAR(64),
    `to_tag` VARCHAR(128) NOT NULL,
    `from_tag` VARCHAR(128) NOT NULL,
    `callid` VARCHAR(255) NOT NULL,
    `local_cseq` INT(11) NOT NULL,
    `remote_cseq` INT(11) NOT NULL,
    `contact` VARCHAR(255) NOT NULL,
    `record_route` TEXT,
    `expires` INT(11) NOT NULL,
    `status` INT(11) DEFAULT 2 NOT NULL,
    `reason` VARCHAR(64),
    `version` INT(11) DEFAULT 0 NOT NULL,
    `socket_info` VARCHAR(64) NOT NULL,
    `local_contact` VARCHAR(255) NOT NULL,
    `from_user` VARCHAR(64) NOT NULL,
    `from_domain` VARCHAR(64) NOT NULL,
    `updated` INT(11) NOT NULL,
    `updated_winfo` INT(11) NOT NULL,
    `flags` INT(11) DEFAULT 0 NOT NULL,
    `user_agent` VARCHAR(255) DEFAULT '',
    CONSTRAINT active_watchers_idx UNIQUE (`callid`, `to_tag`, `from_tag`)
);

CREATE INDEX active_watchers_expires ON active_watchers (`expires`);
CREATE INDEX active_watchers_pres ON active_watchers (`presentity_uri`, `event`);
CREATE INDEX updated_idx ON active_watchers (`updated`);
CREATE INDEX updated_winfo_idx ON active_watchers (`updated_winfo`, `presentity_uri`);

INSERT INTO version (table_name, table_version) values ('active_watchers','12');

CREATE TABLE `watchers` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `presentity_uri` VARCHAR(255) NOT NULL,
    `watcher_username` VARCHAR(64) NOT NULL,
    `watcher_domain` VARCHAR(64) NOT NULL,
    `event` VARCHAR(64) DEFAULT 'presence' NOT NULL,
    `status` INT(11) NOT NULL,
    `reason` VARCHAR(64),
    `inserted_time` INT(11) NOT NULL,
    CONSTRAINT watcher_idx UNIQUE (`presentity_uri`, `watcher_username`, `watcher_domain`, `event`)
);

CREATE INDEX time_status_idx ON watchers (`inserted_time`, `status`);

INSERT INTO version (table_name, table_version) values ('watchers','3');

CREATE TABLE `xcap` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `doc` MEDIUMBLOB NOT NULL,
    `doc_type` INT(11) NOT NULL,
    `etag` VARCHAR(128) NOT NULL,
    `source` INT(11) NOT NULL,
    `doc_uri` VARCHAR(255) NOT NULL,
    `port` INT(11) NOT NULL,
    CONSTRAINT doc_uri_idx UNIQUE (`doc_uri`)
);

CREATE INDEX account_doc_type_idx ON xcap (`username`, `domain`, `doc_type`);
CREATE INDEX account_doc_type_uri_idx ON xcap (`username`, `domain`, `doc_type`, `doc_uri`);
CREATE INDEX account_doc_uri_idx ON xcap (`username`, `domain`, `doc_uri`);

INSERT INTO version (table_name, table_version) values ('xcap','4');

CREATE TABLE `pua` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `pres_uri` VARCHAR(255) NOT NULL,
    `pres_id` VARCHAR(255) NOT NULL,
    `event` INT(11) NOT NULL,
    `expires` INT(11) NOT NULL,
    `desired_expires` INT(11) NOT NULL,
    `flag` INT(11) NOT NULL,
    `etag` VARCHAR(128) NOT NULL,
    `tuple_id` VARCHAR(64),
    `watcher_uri` VARCHAR(255) NOT NULL,
    `call_id` VARCHAR(255) NOT NULL,
    `to_tag` VARCHAR(128) NOT NULL,
    `from_tag` VARCHAR(128) NOT NULL,
    `cseq` INT(11) NOT NULL,
    `record_route` TEXT,
    `contact` VARCHAR(255) NOT NULL,
    `remote_contact` VARCHAR(255) NOT NULL,
    `version` INT(11) NOT NULL,
    `extra_headers` TEXT NOT NULL,
    CONSTRAINT pua_idx UNIQUE (`etag`, `tuple_id`, `call_id`, `from_tag`)
);

CREATE INDEX expires_idx ON pua (`expires`);
CREATE INDEX dialog1_idx ON pua (`pres_id`, `pres_uri`);
CREATE INDEX dialog2_idx ON pua (`call_id`, `from_tag`);
CREATE INDEX record_idx ON pua (`pres_id`);

INSERT INTO version (table_name, table_version) values ('pua','7');


CREATE TABLE `purplemap` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `sip_user` VARCHAR(255) NOT NULL,
    `ext_user` VARCHAR(255) NOT NULL,
    `ext_prot` VARCHAR(16) NOT NULL,
    `ext_pass` VARCHAR(64)
);

INSERT INTO version (table_name, table_version) values ('purplemap','1');


CREATE TABLE `aliases` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `ruid` VARCHAR(64) DEFAULT '' NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT NULL,
    `contact` VARCHAR(255) DEFAULT '' NOT NULL,
    `received` VARCHAR(255) DEFAULT NULL,
    `path` VARCHAR(512) DEFAULT NULL,
    `expires` DATETIME DEFAULT '2030-05-28 21:32:15' NOT NULL,
    `q` FLOAT(10,2) DEFAULT 1.0 NOT NULL,
    `callid` VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL,
    `cseq` INT(11) DEFAULT 1 NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    `flags` INT(11) DEFAULT 0 NOT NULL,
    `cflags` INT(11) DEFAULT 0 NOT NULL,
    `user_agent` VARCHAR(255) DEFAULT '' NOT NULL,
    `socket` VARCHAR(64) DEFAULT NULL,
    `methods` INT(11) DEFAULT NULL,
    `instance` VARCHAR(255) DEFAULT NULL,
    `reg_id` INT(11) DEFAULT 0 NOT NULL,
    `server_id` INT(11) DEFAULT 0 NOT NULL,
    `connection_id` INT(11) DEFAULT 0 NOT NULL,
    `keepalive` INT(11) DEFAULT 0 NOT NULL,
    `partition` INT(11) DEFAULT 0 NOT NULL,
    CONSTRAINT ruid_idx UNIQUE (`ruid`)
);

CREATE INDEX account_contact_idx ON aliases (`username`, `domain`, `contact`);
CREATE INDEX expires_idx ON aliases (`expires`);

INSERT INTO version (table_name, table_version) values ('aliases','8');


CREATE TABLE `rls_presentity` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `rlsubs_did` VARCHAR(255) NOT NULL,
    `resource_uri` VARCHAR(255) NOT NULL,
    `content_type` VARCHAR(255) NOT NULL,
    `presence_state` BLOB NOT NULL,
    `expires` INT(11) NOT NULL,
    `updated` INT(11) NOT NULL,
    `auth_state` INT(11) NOT NULL,
    `reason` VARCHAR(64) NOT NULL,
    CONSTRAINT rls_presentity_idx UNIQUE (`rlsubs_did`, `resource_uri`)
);

CREATE INDEX rlsubs_idx ON rls_presentity (`rlsubs_did`);
CREATE INDEX updated_idx ON rls_presentity (`updated`);
CREATE INDEX expires_idx ON rls_presentity (`expires`);

INSERT INTO version (table_name, table_version) values ('rls_presentity','1');

CREATE TABLE `rls_watchers` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `presentity_uri` VARCHAR(255) NOT NULL,
    `to_user` VARCHAR(64) NOT NULL,
    `to_domain` VARCHAR(64) NOT NULL,
    `watcher_username` VARCHAR(64) NOT NULL,
    `watcher_domain` VARCHAR(64) NOT NULL,
    `event` VARCHAR(64) DEFAULT 'presence' NOT NULL,
    `event_id` VARCHAR(64),
    `to_tag` VARCHAR(128) NOT NULL,
    `from_tag` VARCHAR(128) NOT NULL,
    `callid` VARCHAR(255) NOT NULL,
    `local_cseq` INT(11) NOT NULL,
    `remote_cseq` INT(11) NOT NULL,
    `contact` VARCHAR(255) NOT NULL,
    `record_route` TEXT,
    `expires` INT(11) NOT NULL,
    `status` INT(11) DEFAULT 2 NOT NULL,
    `reason` VARCHAR(64) NOT NULL,
    `version` INT(11) DEFAULT 0 NOT NULL,
    `socket_info` VARCHAR(64) NOT NULL,
    `local_contact` VARCHAR(255) NOT NULL,
    `from_user` VARCHAR(64) NOT NULL,
    `from_domain` VARCHAR(64) NOT NULL,
    `updated` INT(11) NOT NULL,
    CONSTRAINT rls_watcher_idx UNIQUE (`callid`, `to_tag`, `from_tag`)
);

CREATE INDEX rls_watchers_update ON rls_watchers (`watcher_username`, `watcher_domain`, `event`);
CREATE INDEX rls_watchers_expires ON rls_watchers (`expires`);
CREATE INDEX updated_idx ON rls_watchers (`updated`);

INSERT INTO version (table_name, table_version) values ('rls_watchers','3');


CREATE TABLE `rtpengine` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `setid` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `url` VARCHAR(64) NOT NULL,
    `weight` INT(10) UNSIGNED DEFAULT 1 NOT NULL,
    `disabled` INT(1) DEFAULT 0 NOT NULL,
    `stamp` DATETIME DEFAULT '1900-01-01 00:00:01' NOT NULL,
    CONSTRAINT rtpengine_nodes UNIQUE (`setid`, `url`)
);

INSERT INTO version (table_name, table_version) values ('rtpengine','1');


CREATE TABLE `rtpproxy` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `setid` VARCHAR(32) DEFAULT 00 NOT NULL,
    `url` VARCHAR(64) DEFAULT '' NOT NULL,
    `flags` INT DEFAULT 0 NOT NULL,
    `weight` INT DEFAULT 1 NOT NULL,
    `description` VARCHAR(64) DEFAULT '' NOT NULL
);

INSERT INTO version (table_name, table_version) values ('rtpproxy','1');


CREATE TABLE `sca_subscriptions` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `subscriber` VARCHAR(255) NOT NULL,
    `aor` VARCHAR(255) NOT NULL,
    `event` INT DEFAULT 0 NOT NULL,
    `expires` INT(11) DEFAULT 0 NOT NULL,
    `state` INT DEFAULT 0 NOT NULL,
    `app_idx` INT DEFAULT 0 NOT NULL,
    `call_id` VARCHAR(255) NOT NULL,
    `from_tag` VARCHAR(128) NOT NULL,
    `to_tag` VARCHAR(128) NOT NULL,
    `record_route` TEXT,
    `notify_cseq` INT(11) NOT NULL,
    `subscribe_cseq` INT(11) NOT NULL,
    `server_id` INT(11) DEFAULT 0 NOT NULL,
    CONSTRAINT sca_subscriptions_idx UNIQUE (`subscriber`, `call_id`, `from_tag`, `to_tag`)
);

CREATE INDEX sca_expires_idx ON sca_subscriptions (`server_id`, `expires`);
CREATE INDEX sca_subscribers_idx ON sca_subscriptions (`subscriber`, `event`);

INSERT INTO version (table_name, table_version) values ('sca_subscriptions','2');


CREATE TABLE `secfilter` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `action` SMALLINT DEFAULT 0 NOT NULL,
    `type` SMALLINT DEFAULT 0 NOT NULL,
    `data` VARCHAR(64) DEFAULT '' NOT NULL
);

CREATE INDEX secfilter_idx ON secfilter (`action`, `type`, `data`);

INSERT INTO version (table_name, table_version) values ('secfilter','1');


CREATE TABLE `sip_trace` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `time_stamp` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    `time_us` INT UNSIGNED DEFAULT 0 NOT NULL,
    `callid` VARCHAR(255) DEFAULT '' NOT NULL,
    `traced_user` VARCHAR(255) DEFAULT '' NOT NULL,
    `msg` MEDIUMTEXT NOT NULL,
    `method` VARCHAR(50) DEFAULT '' NOT NULL,
    `status` VARCHAR(255) DEFAULT '' NOT NULL,
    `fromip` VARCHAR(64) DEFAULT '' NOT NULL,
    `toip` VARCHAR(64) DEFAULT '' NOT NULL,
    `fromtag` VARCHAR(128) DEFAULT '' NOT NULL,
    `totag` VARCHAR(128) DEFAULT '' NOT NULL,
    `direction` VARCHAR(4) DEFAULT '' NOT NULL
);

CREATE INDEX traced_user_idx ON sip_trace (`traced_user`);
CREATE INDEX date_idx ON sip_trace (`time_stamp`);
CREATE INDEX fromip_idx ON sip_trace (`fromip`);
CREATE INDEX callid_idx ON sip_trace (`callid`);

INSERT INTO version (table_name, table_version) values ('sip_trace','4');


CREATE TABLE `speed_dial` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `sd_username` VARCHAR(64) DEFAULT '' NOT NULL,
    `sd_domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `new_uri` VARCHAR(255) DEFAULT '' NOT NULL,
    `fname` VARCHAR(64) DEFAULT '' NOT NULL,
    `lname` VARCHAR(64) DEFAULT '' NOT NULL,
    `description` VARCHAR(64) DEFAULT '' NOT NULL,
    CONSTRAINT speed_dial_idx UNIQUE (`username`, `domain`, `sd_domain`, `sd_username`)
);

INSERT INTO version (table_name, table_version) values ('speed_dial','2');


CREATE TABLE `topos_d` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `rectime` DATETIME NOT NULL,
    `x_context` VARCHAR(64) DEFAULT '' NOT NULL,
    `s_method` VARCHAR(64) DEFAULT '' NOT NULL,
    `s_cseq` VARCHAR(64) DEFAULT '' NOT NULL,
    `a_callid` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_uuid` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_uuid` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `b_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `as_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `bs_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `a_tag` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_tag` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_rr` MEDIUMTEXT,
    `b_rr` MEDIUMTEXT,
    `s_rr` MEDIUMTEXT,
    `iflags` INT(10) UNSIGNED DEFAULT 0 NOT NULL,
    `a_uri` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_uri` VARCHAR(255) DEFAULT '' NOT NULL,
    `r_uri` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_srcaddr` VARCHAR(128) DEFAULT '' NOT NULL,
    `b_srcaddr` VARCHAR(128) DEFAULT '' NOT NULL,
    `a_socket` VARCHAR(128) DEFAULT '' NOT NULL,
    `b_socket` VARCHAR(128) DEFAULT '' NOT NULL
);

CREATE INDEX rectime_idx ON topos_d (`rectime`);
CREATE INDEX a_callid_idx ON topos_d (`a_callid`);
CREATE INDEX a_uuid_idx ON topos_d (`a_uuid`);
CREATE INDEX b_uuid_idx ON topos_d (`b_uuid`);

INSERT INTO version (table_name, table_version) values ('topos_d','2');

CREATE TABLE `topos_t` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `rectime` DATETIME NOT NULL,
    `x_context` VARCHAR(64) DEFAULT '' NOT NULL,
    `s_method` VARCHAR(64) DEFAULT '' NOT NULL,
    `s_cseq` VARCHAR(64) DEFAULT '' NOT NULL,
    `a_callid` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_uuid` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_uuid` VARCHAR(255) DEFAULT '' NOT NULL,
    `direction` INT DEFAULT 0 NOT NULL,
    `x_via` MEDIUMTEXT,
    `x_vbranch` VARCHAR(255) DEFAULT '' NOT NULL,
    `x_rr` MEDIUMTEXT,
    `y_rr` MEDIUMTEXT,
    `s_rr` MEDIUMTEXT,
    `x_uri` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `b_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `as_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `bs_contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `x_tag` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_tag` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_tag` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_srcaddr` VARCHAR(255) DEFAULT '' NOT NULL,
    `b_srcaddr` VARCHAR(255) DEFAULT '' NOT NULL,
    `a_socket` VARCHAR(128) DEFAULT '' NOT NULL,
    `b_socket` VARCHAR(128) DEFAULT '' NOT NULL
);

CREATE INDEX rectime_idx ON topos_t (`rectime`);
CREATE INDEX a_callid_idx ON topos_t (`a_callid`);
CREATE INDEX x_vbranch_idx ON topos_t (`x_vbranch`);
CREATE INDEX a_uuid_idx ON topos_t (`a_uuid`);

INSERT INTO version (table_name, table_version) values ('topos_t','2');


CREATE TABLE `uacreg` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `l_uuid` VARCHAR(64) DEFAULT '' NOT NULL,
    `l_username` VARCHAR(64) DEFAULT '' NOT NULL,
    `l_domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `r_username` VARCHAR(64) DEFAULT '' NOT NULL,
    `r_domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `realm` VARCHAR(64) DEFAULT '' NOT NULL,
    `auth_username` VARCHAR(64) DEFAULT '' NOT NULL,
    `auth_password` VARCHAR(64) DEFAULT '' NOT NULL,
    `auth_ha1` VARCHAR(128) DEFAULT '' NOT NULL,
    `auth_proxy` VARCHAR(255) DEFAULT '' NOT NULL,
    `expires` INT DEFAULT 0 NOT NULL,
    `flags` INT DEFAULT 0 NOT NULL,
    `reg_delay` INT DEFAULT 0 NOT NULL,
    `contact_addr` VARCHAR(255) DEFAULT '' NOT NULL,
    `contact_user` VARCHAR(255) DEFAULT '' NOT NULL,
    `socket` VARCHAR(128) DEFAULT '' NOT NULL,
    CONSTRAINT l_uuid_idx UNIQUE (`l_uuid`)
);

INSERT INTO version (table_name, table_version) values ('uacreg','6');


CREATE TABLE `uid_credentials` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `auth_username` VARCHAR(64) NOT NULL,
    `did` VARCHAR(64) DEFAULT '_default' NOT NULL,
    `realm` VARCHAR(64) NOT NULL,
    `password` VARCHAR(28) DEFAULT '' NOT NULL,
    `flags` INT DEFAULT 0 NOT NULL,
    `ha1` VARCHAR(32) NOT NULL,
    `ha1b` VARCHAR(32) DEFAULT '' NOT NULL,
    `uid` VARCHAR(64) NOT NULL
);

CREATE INDEX cred_idx ON uid_credentials (`auth_username`, `did`);
CREATE INDEX uid ON uid_credentials (`uid`);
CREATE INDEX did_idx ON uid_credentials (`did`);
CREATE INDEX realm_idx ON uid_credentials (`realm`);

INSERT INTO version (table_name, table_version) values ('uid_credentials','7');


CREATE TABLE `uid_user_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `uid` VARCHAR(64) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `value` VARCHAR(128),
    `type` INT DEFAULT 0 NOT NULL,
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    CONSTRAINT userattrs_idx UNIQUE (`uid`, `name`, `value`)
);

INSERT INTO version (table_name, table_version) values ('uid_user_attrs','3');


CREATE TABLE `uid_domain` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `did` VARCHAR(64) NOT NULL,
    `domain` VARCHAR(64) NOT NULL,
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    CONSTRAINT domain_idx UNIQUE (`domain`)
);

CREATE INDEX did_idx ON uid_domain (`did`);

INSERT INTO version (table_name, table_version) values ('uid_domain','2');

CREATE TABLE `uid_domain_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `did` VARCHAR(64),
    `name` VARCHAR(32) NOT NULL,
    `type` INT DEFAULT 0 NOT NULL,
    `value` VARCHAR(128),
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    CONSTRAINT domain_attr_idx UNIQUE (`did`, `name`, `value`)
);

CREATE INDEX domain_did ON uid_domain_attrs (`did`, `flags`);

INSERT INTO version (table_name, table_version) values ('uid_domain_attrs','1');


CREATE TABLE `uid_global_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `type` INT DEFAULT 0 NOT NULL,
    `value` VARCHAR(128),
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    CONSTRAINT global_attrs_idx UNIQUE (`name`, `value`)
);

INSERT INTO version (table_name, table_version) values ('uid_global_attrs','1');


CREATE TABLE `uid_uri` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `uid` VARCHAR(64) NOT NULL,
    `did` VARCHAR(64) NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    `scheme` VARCHAR(8) DEFAULT 'sip' NOT NULL
);

CREATE INDEX uri_idx1 ON uid_uri (`username`, `did`, `scheme`);
CREATE INDEX uri_uid ON uid_uri (`uid`);

INSERT INTO version (table_name, table_version) values ('uid_uri','3');

CREATE TABLE `uid_uri_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) NOT NULL,
    `did` VARCHAR(64) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `value` VARCHAR(128),
    `type` INT DEFAULT 0 NOT NULL,
    `flags` INT UNSIGNED DEFAULT 0 NOT NULL,
    `scheme` VARCHAR(8) DEFAULT 'sip' NOT NULL,
    CONSTRAINT uriattrs_idx UNIQUE (`username`, `did`, `name`, `value`, `scheme`)
);

INSERT INTO version (table_name, table_version) values ('uid_uri_attrs','2');


CREATE TABLE `uri` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `uri_user` VARCHAR(64) DEFAULT '' NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    CONSTRAINT account_idx UNIQUE (`username`, `domain`, `uri_user`)
);

INSERT INTO version (table_name, table_version) values ('uri','1');


CREATE TABLE `userblocklist` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT '' NOT NULL,
    `prefix` VARCHAR(64) DEFAULT '' NOT NULL,
    `allowlist` TINYINT(1) DEFAULT 0 NOT NULL
);

CREATE INDEX userblocklist_idx ON userblocklist (`username`, `domain`, `prefix`);

INSERT INTO version (table_name, table_version) values ('userblocklist','1');

CREATE TABLE `globalblocklist` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `prefix` VARCHAR(64) DEFAULT '' NOT NULL,
    `allowlist` TINYINT(1) DEFAULT 0 NOT NULL,
    `description` VARCHAR(255) DEFAULT NULL
);

CREATE INDEX globalblocklist_idx ON globalblocklist (`prefix`);

INSERT INTO version (table_name, table_version) values ('globalblocklist','1');


CREATE TABLE `location` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `ruid` VARCHAR(64) DEFAULT '' NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT NULL,
    `contact` VARCHAR(512) DEFAULT '' NOT NULL,
    `received` VARCHAR(128) DEFAULT NULL,
    `path` VARCHAR(512) DEFAULT NULL,
    `expires` DATETIME DEFAULT '2030-05-28 21:32:15' NOT NULL,
    `q` FLOAT(10,2) DEFAULT 1.0 NOT NULL,
    `callid` VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL,
    `cseq` INT(11) DEFAULT 1 NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL,
    `flags` INT(11) DEFAULT 0 NOT NULL,
    `cflags` INT(11) DEFAULT 0 NOT NULL,
    `user_agent` VARCHAR(255) DEFAULT '' NOT NULL,
    `socket` VARCHAR(64) DEFAULT NULL,
    `methods` INT(11) DEFAULT NULL,
    `instance` VARCHAR(255) DEFAULT NULL,
    `reg_id` INT(11) DEFAULT 0 NOT NULL,
    `server_id` INT(11) DEFAULT 0 NOT NULL,
    `connection_id` INT(11) DEFAULT 0 NOT NULL,
    `keepalive` INT(11) DEFAULT 0 NOT NULL,
    `partition` INT(11) DEFAULT 0 NOT NULL,
    CONSTRAINT ruid_idx UNIQUE (`ruid`)
);

CREATE INDEX account_contact_idx ON location (`username`, `domain`, `contact`);
CREATE INDEX expires_idx ON location (`expires`);
CREATE INDEX tcpcon_idx ON location (`connection_id`);
CREATE INDEX connection_idx ON location (`server_id`, `connection_id`);

INSERT INTO version (table_name, table_version) values ('location','9');

CREATE TABLE `location_attrs` (
    `id` INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
    `ruid` VARCHAR(64) DEFAULT '' NOT NULL,
    `username` VARCHAR(64) DEFAULT '' NOT NULL,
    `domain` VARCHAR(64) DEFAULT NULL,
    `aname` VARCHAR(64) DEFAULT '' NOT NULL,
    `atype` INT(11) DEFAULT 0 NOT NULL,
    `avalue` VARCHAR(512) DEFAULT '' NOT NULL,
    `last_modified` DATETIME DEFAULT '2000-01-01 00:00:01' NOT NULL
);

CREATE INDEX account_record_idx ON location_attrs (`username`, `domain`, `ruid`);
CREATE INDEX last_modified_idx ON location_attrs (`last_modified`);

INSERT INTO version (table_name, table_version) values ('location_attrs','1');


