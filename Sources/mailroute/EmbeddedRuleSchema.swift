// The rule-file schema, built into the binary so that `mailroute` validates
// rule files wherever it is installed. Generated from Rules/schema/mailroute-rules.rng;
// a test fails when the two differ. To regenerate:
//   python3 Rules/schema/embed.py
enum EmbeddedRuleSchema {
    static let fileName = "mailroute-rules.rng"
    static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailroute rule language, version 1: RelaxNG schema (XML syntax).

  One self-contained file: it has no include and no externalRef, because
  mailroute never lets libxml2 load a second file. Rule files have no
  namespace. Elements and attributes not named here are refused.

  The schema checks the shape of a file and the lexical form of values.
  Everything that needs more than one element or more than one file is
  checked by `mailroute lint`: numeric ranges (inbound-msg-copy-limit 1..50,
  maximum-msg-size 1..2047 MB), references to queues, endpoints and rule
  sets, unique names and ids, patterns that compile, ${...} templates, and
  where <route> may be used. Rules/README.md describes every element.

  To validate a file by hand, run xmllint with the options noout and
  relaxng (see "The schema" in Rules/README.md).
-->
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">

  <start>
    <ref name="rules"/>
  </start>

  <!-- ================================================================= -->
  <!-- File structure                                                     -->
  <!-- ================================================================= -->

  <define name="rules">
    <a:documentation>The root of every rule file, the main file and included files alike.
Its children come in this order, each kind optional: includes, queues,
endpoints, mailbox profiles, rule sets, the pipeline. Only the main file's
pipeline runs; lint requires it.</a:documentation>
    <element name="rules">
      <attribute name="version">
        <a:documentation>The language version. This schema describes version 1 only.</a:documentation>
        <value type="string">1</value>
      </attribute>
      <zeroOrMore><ref name="include"/></zeroOrMore>
      <optional><ref name="queues"/></optional>
      <optional><ref name="endpoints"/></optional>
      <zeroOrMore><ref name="mailbox-profile"/></zeroOrMore>
      <zeroOrMore><ref name="rule-set"/></zeroOrMore>
      <optional><ref name="pipeline"/></optional>
    </element>
  </define>

  <define name="include">
    <a:documentation>Another rule file whose queues, endpoints, mailboxes and rule sets are
merged into this one. href is a path relative to the including file.</a:documentation>
    <element name="include">
      <attribute name="href"><ref name="type.non-empty"/></attribute>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Queues and endpoints                                               -->
  <!-- ================================================================= -->

  <define name="queues">
    <a:documentation>The queues messages may be routed to. default-inbound is the last
resort of endpoint resolution.</a:documentation>
    <element name="queues">
      <optional>
        <attribute name="default-inbound"><ref name="type.name"/></attribute>
      </optional>
      <oneOrMore><ref name="queue"/></oneOrMore>
    </element>
  </define>

  <define name="queue">
    <element name="queue">
      <attribute name="name"><ref name="type.name"/></attribute>
      <optional>
        <attribute name="description"><data type="string"/></attribute>
      </optional>
      <empty/>
    </element>
  </define>

  <define name="endpoints">
    <a:documentation>Genesys endpoints: a name standing for a queue. The endpoint named
"default" is the default endpoint.</a:documentation>
    <element name="endpoints">
      <oneOrMore><ref name="endpoint"/></oneOrMore>
    </element>
  </define>

  <define name="endpoint">
    <element name="endpoint">
      <attribute name="name"><ref name="type.name"/></attribute>
      <attribute name="queue"><ref name="type.name"/></attribute>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Mailbox profiles                                                   -->
  <!-- ================================================================= -->

  <define name="mailbox-profile">
    <a:documentation>A mailbox profile: the options of one mailbox, named as the Genesys
E-mail Server pop-client options, plus KANA's Force Routing to Default Queue
as force-default-queue. Every option but name and address has a default.</a:documentation>
    <element name="mailbox">
      <attribute name="name"><ref name="type.name"/></attribute>
      <attribute name="address">
        <a:documentation>RFC 5322 address, display name and RFC 2047 words allowed.</a:documentation>
        <ref name="type.non-empty"/>
      </attribute>
      <optional>
        <attribute name="default-queue"><ref name="type.name"/></attribute>
      </optional>
      <optional>
        <attribute name="maximum-msg-size">
          <a:documentation>Megabytes (5 = 5 MB), or bytes with the unit B (5242880B).
Range 1..2047 MB is checked by lint; the sign is accepted here so that lint
can report 0 and negative values with the valid range.</a:documentation>
          <data type="string"><param name="pattern">-?[0-9]+B?</param></data>
        </attribute>
      </optional>
      <optional>
        <attribute name="enable-big-msg-stripping"><ref name="type.boolean"/></attribute>
      </optional>
      <optional>
        <attribute name="delete-big-msg"><ref name="type.boolean"/></attribute>
      </optional>
      <optional>
        <attribute name="allow-bad-msg-size"><ref name="type.boolean"/></attribute>
      </optional>
      <optional>
        <attribute name="copy-message-to-recipients"><ref name="type.boolean"/></attribute>
      </optional>
      <optional>
        <attribute name="copy-message-with-header"><ref name="type.field-name"/></attribute>
      </optional>
      <optional>
        <attribute name="inbound-msg-copy-limit">
          <a:documentation>A whole number; 1..50 is checked by lint.</a:documentation>
          <ref name="type.integer"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="endpoint"><ref name="type.name"/></attribute>
      </optional>
      <optional>
        <attribute name="force-default-queue"><ref name="type.boolean"/></attribute>
      </optional>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Rule sets and the pipeline                                         -->
  <!-- ================================================================= -->

  <define name="rule-set">
    <a:documentation>Named rules, used by stages with use rule-set="NAME", from this
file or any file of the set.</a:documentation>
    <element name="rule-set">
      <attribute name="name"><ref name="type.name"/></attribute>
      <zeroOrMore><ref name="rule"/></zeroOrMore>
    </element>
  </define>

  <define name="use">
    <a:documentation>The rules of a rule set, evaluated at this place in the stage.</a:documentation>
    <element name="use">
      <attribute name="rule-set"><ref name="type.name"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="stage.rules">
    <zeroOrMore>
      <choice>
        <ref name="rule"/>
        <ref name="use"/>
      </choice>
    </zeroOrMore>
  </define>

  <define name="pipeline">
    <a:documentation>The stages, applied in the order written. Each kind of stage may
appear at most once (checked by lint: a sequence of choices keeps libxml2's
messages precise, where an interleave would blame the whole pipeline).</a:documentation>
    <element name="pipeline">
      <zeroOrMore>
        <choice>
          <ref name="stage.size-check"/>
          <ref name="stage.recipient-copies"/>
          <ref name="stage.tagging"/>
          <ref name="stage.force-default-queue"/>
          <ref name="stage.routing"/>
        </choice>
      </zeroOrMore>
    </element>
  </define>

  <define name="stage.size-check">
    <a:documentation>Strips, leaves or deletes messages larger than maximum-msg-size.</a:documentation>
    <element name="size-check"><empty/></element>
  </define>

  <define name="stage.recipient-copies">
    <a:documentation>One interaction per unique To/Cc recipient when
copy-message-to-recipients is true.</a:documentation>
    <element name="recipient-copies"><empty/></element>
  </define>

  <define name="stage.tagging">
    <a:documentation>Every matching rule's actions apply, in order.</a:documentation>
    <element name="tagging"><ref name="stage.rules"/></element>
  </define>

  <define name="stage.force-default-queue">
    <a:documentation>Sends the interaction to the mailbox's default queue when the
mailbox flag is set, an earlier action forced it, or a rule here forces it.</a:documentation>
    <element name="force-default-queue"><ref name="stage.rules"/></element>
  </define>

  <define name="stage.routing">
    <a:documentation>The first matching rule that routes decides the queue.</a:documentation>
    <element name="routing"><ref name="stage.rules"/></element>
  </define>

  <!-- ================================================================= -->
  <!-- Rules                                                              -->
  <!-- ================================================================= -->

  <define name="rule">
    <a:documentation>id is unique across the whole file set. No when: the rule always matches.</a:documentation>
    <element name="rule">
      <attribute name="id"><ref name="type.name"/></attribute>
      <optional>
        <attribute name="description"><data type="string"/></attribute>
      </optional>
      <optional><ref name="when"/></optional>
      <ref name="do"/>
    </element>
  </define>

  <define name="when">
    <a:documentation>Conditions, all of which must hold.</a:documentation>
    <element name="when">
      <oneOrMore><ref name="condition"/></oneOrMore>
    </element>
  </define>

  <define name="do">
    <a:documentation>Actions, applied in order.</a:documentation>
    <element name="do">
      <oneOrMore><ref name="action"/></oneOrMore>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Matchers: exactly one per text condition                           -->
  <!-- ================================================================= -->

  <define name="matcher">
    <a:documentation>regex (PCRE2, flags imsxu) or one literal matcher (flags i only).</a:documentation>
    <choice>
      <group>
        <attribute name="regex"><data type="string"/></attribute>
        <optional>
          <attribute name="flags">
            <data type="string"><param name="pattern">[imsxu]*</param></data>
          </attribute>
        </optional>
      </group>
      <group>
        <choice>
          <attribute name="equals"><data type="string"/></attribute>
          <attribute name="contains"><data type="string"/></attribute>
          <attribute name="starts-with"><data type="string"/></attribute>
          <attribute name="ends-with"><data type="string"/></attribute>
        </choice>
        <optional>
          <attribute name="flags">
            <data type="string"><param name="pattern">i?</param></data>
          </attribute>
        </optional>
      </group>
    </choice>
  </define>

  <!-- ================================================================= -->
  <!-- Conditions                                                         -->
  <!-- ================================================================= -->

  <define name="condition">
    <choice>
      <ref name="condition.header"/>
      <ref name="condition.address"/>
      <ref name="condition.body"/>
      <ref name="condition.size"/>
      <ref name="condition.attachment-name"/>
      <ref name="condition.attachment-type"/>
      <ref name="condition.exists"/>
      <ref name="condition.mailbox"/>
      <ref name="condition.tagged"/>
      <ref name="condition.all"/>
      <ref name="condition.any"/>
      <ref name="condition.not"/>
    </choice>
  </define>

  <define name="occurrence">
    <optional>
      <attribute name="occurrence">
        <a:documentation>any (default): one occurrence matching is enough; all: every
occurrence must match, and there must be at least one.</a:documentation>
        <choice>
          <value type="string">any</value>
          <value type="string">all</value>
        </choice>
      </attribute>
    </optional>
  </define>

  <define name="condition.header">
    <a:documentation>A header field's value: decoded (unfolded, RFC 2047 decoded; the
default) or raw (unfolded only). A missing field never matches.</a:documentation>
    <element name="header">
      <attribute name="name"><ref name="type.field-name"/></attribute>
      <optional>
        <attribute name="value">
          <choice>
            <value type="string">decoded</value>
            <value type="string">raw</value>
          </choice>
        </attribute>
      </optional>
      <ref name="occurrence"/>
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.address">
    <a:documentation>Every mailbox of the named address fields (groups flattened) is a
candidate; part says which piece of it is compared (default addr-spec).</a:documentation>
    <element name="address">
      <attribute name="field">
        <list>
          <oneOrMore>
            <choice>
              <value type="string">From</value>
              <value type="string">Sender</value>
              <value type="string">Reply-To</value>
              <value type="string">To</value>
              <value type="string">Cc</value>
              <value type="string">Bcc</value>
              <value type="string">Resent-From</value>
              <value type="string">Resent-To</value>
              <value type="string">Resent-Cc</value>
            </choice>
          </oneOrMore>
        </list>
      </attribute>
      <optional>
        <attribute name="part">
          <choice>
            <value type="string">addr-spec</value>
            <value type="string">local-part</value>
            <value type="string">domain</value>
            <value type="string">display-name</value>
            <value type="string">normalized</value>
          </choice>
        </attribute>
      </optional>
      <ref name="occurrence"/>
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.body">
    <a:documentation>The decoded text of the text parts (not attachments), joined with a line break.</a:documentation>
    <element name="body">
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.size">
    <a:documentation>The message size against one bound; units B, KB, MB (1024-based).</a:documentation>
    <element name="size">
      <choice>
        <attribute name="greater-than"><ref name="type.size"/></attribute>
        <attribute name="less-than"><ref name="type.size"/></attribute>
      </choice>
      <empty/>
    </element>
  </define>

  <define name="condition.attachment-name">
    <a:documentation>True if the file name of any attachment matches, decoded (empty when it has none).</a:documentation>
    <element name="attachment-name">
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.attachment-type">
    <a:documentation>True if the media type of any attachment matches, as type/subtype in lower case, without parameters.</a:documentation>
    <element name="attachment-type">
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.exists">
    <a:documentation>The header field is present (any value, even empty).</a:documentation>
    <element name="exists">
      <attribute name="header"><ref name="type.field-name"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="condition.mailbox">
    <a:documentation>The name of the mailbox profile the message came through.</a:documentation>
    <element name="mailbox">
      <ref name="matcher"/>
      <empty/>
    </element>
  </define>

  <define name="condition.tagged">
    <a:documentation>A tag set earlier on this interaction.</a:documentation>
    <element name="tagged">
      <attribute name="name"><ref name="type.tag"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="condition.all">
    <a:documentation>True if every child holds.</a:documentation>
    <element name="all">
      <oneOrMore><ref name="condition"/></oneOrMore>
    </element>
  </define>

  <define name="condition.any">
    <a:documentation>True if at least one child holds.</a:documentation>
    <element name="any">
      <oneOrMore><ref name="condition"/></oneOrMore>
    </element>
  </define>

  <define name="condition.not">
    <a:documentation>True if its one child does not hold.</a:documentation>
    <element name="not">
      <ref name="condition"/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Actions                                                            -->
  <!-- ================================================================= -->

  <define name="action">
    <choice>
      <ref name="action.add-header"/>
      <ref name="action.set-header"/>
      <ref name="action.remove-header"/>
      <ref name="action.tag"/>
      <ref name="action.attribute"/>
      <ref name="action.route"/>
      <ref name="action.force-default-queue"/>
      <ref name="action.stop"/>
    </choice>
  </define>

  <define name="action.add-header">
    <a:documentation>Adds one header field; value may hold ${...} templates.</a:documentation>
    <element name="add-header">
      <attribute name="name"><ref name="type.field-name"/></attribute>
      <attribute name="value"><data type="string"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="action.set-header">
    <a:documentation>Replaces every occurrence of the field by one with this value.</a:documentation>
    <element name="set-header">
      <attribute name="name"><ref name="type.field-name"/></attribute>
      <attribute name="value"><data type="string"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="action.remove-header">
    <a:documentation>Removes every occurrence of the field.</a:documentation>
    <element name="remove-header">
      <attribute name="name"><ref name="type.field-name"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="action.tag">
    <a:documentation>Adds a tag; name may hold ${...} templates.</a:documentation>
    <element name="tag">
      <attribute name="name"><ref name="type.tag"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="action.attribute">
    <a:documentation>Sets an interaction attribute (last write wins); value may hold templates.</a:documentation>
    <element name="attribute">
      <attribute name="name"><ref name="type.attribute-name"/></attribute>
      <attribute name="value"><data type="string"/></attribute>
      <empty/>
    </element>
  </define>

  <define name="action.route">
    <a:documentation>Decides the queue, by queue name or through an endpoint. Only in the
routing stage (checked by lint, since rule sets may be used by any stage).</a:documentation>
    <element name="route">
      <choice>
        <attribute name="queue"><ref name="type.name"/></attribute>
        <attribute name="endpoint"><ref name="type.name"/></attribute>
      </choice>
      <empty/>
    </element>
  </define>

  <define name="action.force-default-queue">
    <a:documentation>The interaction goes to the mailbox's default queue; later routing is skipped.</a:documentation>
    <element name="force-default-queue"><empty/></element>
  </define>

  <define name="action.stop">
    <a:documentation>Stops the current stage (scope="stage", the default) or every later
stage too (scope="pipeline") for this interaction.</a:documentation>
    <element name="stop">
      <optional>
        <attribute name="scope">
          <choice>
            <value type="string">stage</value>
            <value type="string">pipeline</value>
          </choice>
        </attribute>
      </optional>
      <empty/>
    </element>
  </define>

  <!-- ================================================================= -->
  <!-- Value types                                                        -->
  <!-- ================================================================= -->

  <define name="type.name">
    <a:documentation>Names of queues, endpoints, mailboxes, rule sets and rule ids: a letter,
digit or underscore, then letters, digits, "_", "." and "-". Case matters.</a:documentation>
    <data type="string">
      <param name="pattern">[\p{L}\p{N}_][\p{L}\p{N}_.\-]*</param>
    </data>
  </define>

  <define name="type.tag">
    <a:documentation>A tag: any text without white space (templates allowed in tag actions).</a:documentation>
    <data type="string"><param name="pattern">\S+</param></data>
  </define>

  <define name="type.field-name">
    <a:documentation>An RFC 5322 field name: printable US-ASCII except the colon.</a:documentation>
    <data type="string"><param name="pattern">[!-9;-~]+</param></data>
  </define>

  <define name="type.attribute-name">
    <a:documentation>An interaction attribute name: printable US-ASCII except ":" and "=".</a:documentation>
    <data type="string"><param name="pattern">[!-9;&lt;&gt;-~]+</param></data>
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

  <define name="type.size">
    <data type="string"><param name="pattern">[0-9]+(B|KB|MB)</param></data>
  </define>

  <define name="type.non-empty">
    <data type="string"><param name="minLength">1</param></data>
  </define>
</grammar>
"""#
}
