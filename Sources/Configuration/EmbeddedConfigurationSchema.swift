// The configuration-file schema, built into the Configuration module so that
// mailroute validates configuration files wherever it is installed. Generated
// from Rules/schema/mailroute-config.rng; a test fails when the two differ.
// To regenerate:
//   python3 Rules/schema/embed.py

/// The RelaxNG schema of configuration files, as shipped in `Rules/schema`.
public enum EmbeddedConfigurationSchema {
    /// The name the schema's own problems are reported under.
    public static let fileName = "mailroute-config.rng"
    /// The schema text, byte for byte the file `Rules/schema/mailroute-config.rng`.
    public static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailroute service configuration, version 1: RelaxNG schema (XML syntax).

  One self-contained file, like mailroute-rules.rng: no include, no
  externalRef. Configuration files have no namespace.

  The schema checks the shape of a file: its elements and their order, the
  attributes each needs, and the lexical form of option values. `mailroute
  lint` checks the rest, and says more precisely what is wrong: numeric and
  time ranges, which authentication methods go with which protocol, GRAPH
  and EWS (not supported yet), unique names and addresses, and options that
  do not apply to a mailbox's protocol. An attribute of <mailbox> that is no
  known option is allowed here and reported by lint as a warning naming the
  nearest known option, as the Genesys E-mail Server ignores unknown options.

  README.md, section "Service configuration", describes every element and
  option, with its default and valid values.
-->
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">

  <start>
    <ref name="configuration"/>
  </start>

  <define name="configuration">
    <a:documentation>The root: the rule file, the queue store, then the mailboxes to poll.</a:documentation>
    <element name="configuration">
      <attribute name="version">
        <a:documentation>The configuration format version. This schema describes version 1 only.</a:documentation>
        <value type="string">1</value>
      </attribute>
      <ref name="rule-file"/>
      <ref name="queue-store"/>
      <oneOrMore><ref name="mailbox"/></oneOrMore>
    </element>
  </define>

  <define name="rule-file">
    <a:documentation>The rule file every mailbox's messages go through; a path relative to
this file's directory, or absolute.</a:documentation>
    <element name="rule-file">
      <attribute name="href"><ref name="type.non-empty"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="queue-store">
    <a:documentation>The directory of the queues and the spool; relative to this file's
directory, or absolute. Created by the service when missing.</a:documentation>
    <element name="queue-store">
      <attribute name="directory"><ref name="type.non-empty"/></attribute>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Mailboxes: the Genesys pop-client options, one attribute each       -->
  <!-- ================================================================= -->

  <define name="mailbox">
    <a:documentation>One mailbox on a mail server. name is also the name of its mailbox
profile in the rule file. The password is the password attribute, or a
&lt;password&gt; child that names a file or an environment variable.</a:documentation>
    <element name="mailbox">
      <attribute name="name"><ref name="type.name"/></attribute>
      <attribute name="type">
        <a:documentation>POP3 or IMAP. GRAPH and EWS are Genesys types that lint rejects as not supported yet.</a:documentation>
        <choice>
          <value type="string">POP3</value>
          <value type="string">IMAP</value>
          <value type="string">GRAPH</value>
          <value type="string">EWS</value>
        </choice>
      </attribute>
      <attribute name="server"><ref name="type.host"/></attribute>
      <attribute name="mailbox">
        <a:documentation>The login name.</a:documentation>
        <ref name="type.non-empty"/>
      </attribute>
      <attribute name="address">
        <a:documentation>The mailbox's address, RFC 5322 form; a display name and RFC 2047 words are allowed.</a:documentation>
        <ref name="type.non-empty"/>
      </attribute>
      <optional><attribute name="enable-client"><ref name="type.boolean"/></attribute></optional>
      <optional>
        <attribute name="port">
          <a:documentation>1..65535 (lint). Default 110 for POP3, 143 for IMAP; 995 and 993 with ssl-tls.</a:documentation>
          <ref name="type.integer"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="password">
          <a:documentation>The password, written in this file. Prefer a &lt;password&gt; child.</a:documentation>
          <data type="string"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="pop-connection-security">
          <choice>
            <value type="string">none</value>
            <value type="string">start-tls</value>
            <value type="string">start-tls-required</value>
            <value type="string">ssl-tls</value>
          </choice>
        </attribute>
      </optional>
      <optional>
        <attribute name="authentication">
          <a:documentation>auto, user-pass or apop for POP3; auto, login or plain for IMAP (lint).</a:documentation>
          <choice>
            <value type="string">auto</value>
            <value type="string">user-pass</value>
            <value type="string">apop</value>
            <value type="string">login</value>
            <value type="string">plain</value>
          </choice>
        </attribute>
      </optional>
      <optional><attribute name="ca-file"><ref name="type.non-empty"/></attribute></optional>
      <optional><attribute name="connect-timeout"><ref name="type.time"/></attribute></optional>
      <optional><attribute name="protocol-timeout"><ref name="type.time"/></attribute></optional>
      <optional><attribute name="cycle-time"><ref name="type.time"/></attribute></optional>
      <optional><attribute name="maximum-msg-number"><ref name="type.integer"/></attribute></optional>
      <optional><attribute name="leave-msg-on-server"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="delete-bad-formatted-msg"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="folder-path"><ref name="type.non-empty"/></attribute></optional>
      <optional>
        <attribute name="folder-separator">
          <a:documentation>One printable ASCII character other than a space.</a:documentation>
          <data type="string"><param name="pattern">[!-~]</param></data>
        </attribute>
      </optional>
      <optional><attribute name="processed-items-folder-name"><ref name="type.non-empty"/></attribute></optional>
      <optional><attribute name="failed-items-folder-name"><ref name="type.non-empty"/></attribute></optional>
      <optional><attribute name="move-failed-ews-item"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="enable-debug"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="enable-message-id-check"><ref name="type.boolean"/></attribute></optional>

      <!-- Options the rule file's mailbox profile also has; set here, they win. -->
      <optional>
        <attribute name="maximum-msg-size">
          <a:documentation>Megabytes 1..2047, or bytes with the unit B (5242880B), as in rule files.</a:documentation>
          <data type="string"><param name="pattern">-?[0-9]+B?</param></data>
        </attribute>
      </optional>
      <optional><attribute name="enable-big-msg-stripping"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="delete-big-msg"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="allow-bad-msg-size"><ref name="type.boolean"/></attribute></optional>
      <optional><attribute name="copy-message-to-recipients"><ref name="type.boolean"/></attribute></optional>
      <optional>
        <attribute name="copy-message-with-header">
          <data type="string"><param name="pattern">[!-9;-~]+</param></data>
        </attribute>
      </optional>
      <optional><attribute name="inbound-msg-copy-limit"><ref name="type.integer"/></attribute></optional>
      <optional><attribute name="endpoint"><ref name="type.name"/></attribute></optional>
      <optional><attribute name="force-default-queue"><ref name="type.boolean"/></attribute></optional>

      <ref name="unknown-options"/>
      <optional><ref name="password"/></optional>
    </element>
  </define>

  <define name="unknown-options">
    <a:documentation>Any other attribute: allowed by the schema, a lint warning. The list
below is every known option, and must stay equal to the options of &lt;mailbox&gt;.</a:documentation>
    <zeroOrMore>
      <attribute>
        <anyName>
          <except>
            <name>name</name>
            <name>type</name>
            <name>server</name>
            <name>mailbox</name>
            <name>address</name>
            <name>enable-client</name>
            <name>port</name>
            <name>password</name>
            <name>pop-connection-security</name>
            <name>authentication</name>
            <name>ca-file</name>
            <name>connect-timeout</name>
            <name>protocol-timeout</name>
            <name>cycle-time</name>
            <name>maximum-msg-number</name>
            <name>leave-msg-on-server</name>
            <name>delete-bad-formatted-msg</name>
            <name>folder-path</name>
            <name>folder-separator</name>
            <name>processed-items-folder-name</name>
            <name>failed-items-folder-name</name>
            <name>move-failed-ews-item</name>
            <name>enable-debug</name>
            <name>enable-message-id-check</name>
            <name>maximum-msg-size</name>
            <name>enable-big-msg-stripping</name>
            <name>delete-big-msg</name>
            <name>allow-bad-msg-size</name>
            <name>copy-message-to-recipients</name>
            <name>copy-message-with-header</name>
            <name>inbound-msg-copy-limit</name>
            <name>endpoint</name>
            <name>force-default-queue</name>
          </except>
        </anyName>
        <text/>
      </attribute>
    </zeroOrMore>
  </define>

  <define name="password">
    <a:documentation>Where the password is read when the mailbox is polled: the file named by
file (relative to this file's directory; one trailing line break is
dropped), or the environment variable named by env.</a:documentation>
    <element name="password">
      <choice>
        <attribute name="file"><ref name="type.non-empty"/></attribute>
        <attribute name="env">
          <data type="string"><param name="pattern">[A-Za-z_][A-Za-z0-9_]*</param></data>
        </attribute>
      </choice>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Value types                                                        -->
  <!-- ================================================================= -->

  <define name="type.name">
    <a:documentation>As in rule files: a letter, digit or underscore, then letters, digits, "_", "." and "-".</a:documentation>
    <data type="string">
      <param name="pattern">[\p{L}\p{N}_][\p{L}\p{N}_.\-]*</param>
    </data>
  </define>

  <define name="type.host">
    <a:documentation>A host name or an IP address: printable ASCII without spaces.</a:documentation>
    <data type="string"><param name="pattern">[!-~]+</param></data>
  </define>

  <define name="type.time">
    <a:documentation>hh:mm:ss, two digits each; ranges are checked by lint.</a:documentation>
    <data type="string"><param name="pattern">[0-9]{2}:[0-5][0-9]:[0-5][0-9]</param></data>
  </define>

  <define name="type.boolean">
    <choice>
      <value type="string">true</value>
      <value type="string">false</value>
    </choice>
  </define>

  <define name="type.integer">
    <data type="string"><param name="pattern">-?[0-9]+</param></data>
  </define>

  <define name="type.non-empty">
    <data type="string"><param name="minLength">1</param></data>
  </define>
</grammar>
"""#
}
