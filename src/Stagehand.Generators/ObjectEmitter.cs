using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes the object section of a node reader: one pass over the members that matches declared names, rejects
/// duplicates, applies the unknown-member policy, checks <c>required</c>, and builds the record or map.
/// </summary>
internal static class ObjectEmitter
{
    public static void Emit(SourceWriter writer, NodeSpec node)
    {
        if (node.OwnsShape && node.Shape.Kind == ValueKind.Map && node.Members.IsEmpty)
        {
            EmitMap(writer, node);
            return;
        }

        var record = node.OwnType is { Kind: NamedKind.Record } ? node.OwnType : null;
        var members = node.Members;
        var words = (members.Count + 63) / 64;
        for (var i = 0; i < words; i++)
        {
            writer.WriteLine("ulong seen" + Invariant(i) + " = 0;");
        }

        writer.WriteLine("var names = default(" + Runtime + "MemberNameSet);");
        if (node.ReportsEvaluation)
        {
            writer.WriteLine("var instance = (int)reader.TokenStartIndex;");
        }

        if (record is not null)
        {
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (member.PropertyName is not null && member.Reader is not null && !member.IsConst && !member.ClientOnly)
                {
                    writer.WriteLine(member.Reader.Value.Text + " member" + Invariant(i) + " = default!;");
                }
            }

            if (node.AdditionalMemberType is { } keptType)
            {
                writer.WriteLine("global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, " + keptType + ">>? kept = null;");
            }

            if (node.PatternMemberType is { } patternType)
            {
                writer.WriteLine("global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, " + patternType.Text + ">>? patternKept = null;");
            }
        }

        var readOnly = node.ReadOnlyMembers.IsEmpty
            ? "null"
            : "new[] { " + string.Join(", ", node.ReadOnlyMembers.Select(Identifiers.Literal)) + " }";
        if (!node.ReadOnlyMembers.IsEmpty)
        {
            readOnly = GeneratedMemberNames.ReadOnlyMembersField(node.Method);
        }

        writer.OpenBlock("while (reader.Read() && reader.TokenType == " + Json + "JsonTokenType.PropertyName)");
        writer.WriteLine("context.PushProperty(ref reader);");
        EmitPropertyNameCheck(writer, node);
        EmitPatternProperties(writer, node, record is not null);
        if (members.Count > 0)
        {
            EmitMatch(writer, members);
        }

        EmitEvaluationMark(writer, node);

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            writer.OpenBlock((i == 0 ? "if" : "else if") + " (member == " + Invariant(i) + ")");
            if (member.ClientOnly && record is not null)
            {
                writer.WriteLine("context.MarkSeen(ref seen" + Invariant(i / 64) + ", " + Invariant(i % 64) + ");");
                writer.WriteLine("reader.Read();");
                writer.WriteLine("context.TryReadAny(ref reader, false, out _);");
                writer.CloseBlock();
                continue;
            }

            if (member.Reader is null)
            {
                // A member that is only required: seen (or a duplicate), then read as any value.
                writer.WriteLine("context.MarkSeen(ref seen" + Invariant(i / 64) + ", " + Invariant(i % 64) + ");");
                writer.WriteLine("reader.Read();");
                writer.WriteLine("context.TryReadAny(ref reader, false, out _);");
                writer.CloseBlock();
                continue;
            }

            writer.WriteLine("var first = context.MarkSeen(ref seen" + Invariant(i / 64) + ", " + Invariant(i % 64) + ");");
            writer.WriteLine("reader.Read();");

            var stores = record is not null && member.PropertyName is not null && !member.IsConst;
            if (stores)
            {
                writer.WriteLine("if (first) " + member.Reader.Call + "(ref reader, ref context, build, out member" + Invariant(i) + ");");
            }
            else
            {
                writer.WriteLine("if (first) " + member.Reader.Call + "(ref reader, ref context, false, out _);");
            }

            writer.WriteLine("else reader.Skip();");
            writer.CloseBlock();
        }

        writer.OpenBlock(members.Count == 0 ? string.Empty : "else");
        if (!node.PatternProperties.IsEmpty)
        {
            // A member a pattern matched is not additional: its pattern schemas have read it.
            writer.OpenBlock("if (patterned)");
            EmitPatternMember(writer, record is null ? null : node.PatternMemberType);
            writer.CloseBlock();
            writer.OpenBlock("else");
        }

        if (node.AdditionalProperties is not null && record is not null && node.AdditionalMemberType is not null)
        {
            // A member beyond the declared ones: read with the additionalProperties schema and kept, typed.
            writer.OpenBlock("if (context.TryReadPropertyName(ref reader, ref names, build, out var keptName))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine(node.AdditionalProperties.Call + "(ref reader, ref context, build, out var keptValue);");
            writer.WriteLine("if (build && keptName is not null) (kept ??= new()).Add(new(keptName, keptValue));");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
            writer.CloseBlock();
        }
        else if (node.AdditionalProperties is not null)
        {
            writer.OpenBlock("if (context.TryReadPropertyName(ref reader, ref names, false, out _))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine(node.AdditionalProperties.Call + "(ref reader, ref context, false, out _);");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
            writer.CloseBlock();
        }
        else
        {
            var handling = Runtime + "UnknownMembers." + node.UnknownMembers switch
            {
                UnknownMemberHandling.Reject => "Reject",
                UnknownMemberHandling.Keep => "Keep",
                _ => "Drop",
            };
            if (record is not null && node.UnknownMembers == UnknownMemberHandling.Keep)
            {
                writer.OpenBlock("if (context.UnknownMember(ref reader, ref names, " + handling + ", " + readOnly + ", build, out var keptName) && build && keptName is not null)");
                writer.WriteLine("context.TryReadAny(ref reader, true, out var keptValue);");
                writer.WriteLine("(kept ??= new()).Add(new(keptName, keptValue));");
                writer.CloseBlock();
                writer.OpenBlock("else");
                writer.WriteLine("context.TryReadAny(ref reader, false, out _);");
                writer.CloseBlock();
            }
            else
            {
                writer.WriteLine("context.UnknownMember(ref reader, ref names, " + handling + ", " + readOnly + ");");
                writer.WriteLine("context.TryReadAny(ref reader, false, out _);");
            }
        }

        if (!node.PatternProperties.IsEmpty)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine("context.Pop();");
        writer.CloseBlock();

        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member.Required && !(member.ClientOnly && record is not null))
            {
                writer.WriteLine("if ((seen" + Invariant(i / 64) + " & " + Bit(i % 64) + ") == 0) context.AddMemberError(\"required\", " +
                    Identifiers.Literal(member.WireName) + ", " + Identifiers.Literal("The required member '" + member.WireName + "' is missing.") + ");");
            }
        }

        if (record is not null)
        {
            EmitConstruction(writer, node, record);
        }
    }

    /// <summary>
    /// Finds which declared member the name at the reader is: by length, then by bytes, for a plain name; by
    /// <c>ValueTextEquals</c> (which unescapes) for an escaped one.
    /// </summary>
    private static void EmitMatch(SourceWriter writer, EquatableArray<NodeMember> members)
    {
        writer.WriteLine("var member = -1;");
        writer.OpenBlock("if (reader.ValueIsEscaped)");
        WriteFirstMatch(writer, members.Select((m, i) => ("reader.ValueTextEquals(" + Identifiers.Literal(m.WireName) + "u8)", i)));
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.WriteLine("var name = reader.ValueSpan;");
        writer.OpenBlock("switch (name.Length)");
        foreach (var group in members.Select((m, i) => (Member: m, Index: i)).GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(p.Member.WireName)).OrderBy(g => g.Key))
        {
            writer.OpenBlock("case " + Invariant(group.Key) + ":");
            WriteFirstMatch(writer, group.Select(p => ("global::System.MemoryExtensions.SequenceEqual(name, " + Identifiers.Literal(p.Member.WireName) + "u8)", p.Index)));
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary><c>member</c> becomes the index of the first test that holds: an <c>if</c> / <c>else if</c> chain.</summary>
    private static void WriteFirstMatch(SourceWriter writer, System.Collections.Generic.IEnumerable<(string Test, int Index)> tests)
    {
        var first = true;
        foreach (var (test, index) in tests)
        {
            writer.WriteLine((first ? "if (" : "else if (") + test + ") member = " + Invariant(index) + ";");
            first = false;
        }
    }

    private static void EmitConstruction(SourceWriter writer, NodeSpec node, TypeRef record)
    {
        writer.OpenBlock("if (build && context.ErrorCount == mark)");
        writer.OpenBlock("value = new " + record.FullName);
        for (var i = 0; i < node.Members.Count; i++)
        {
            var member = node.Members[i];
            if (member.PropertyName is null || member.Reader is null || member.IsConst || member.ClientOnly)
            {
                continue;
            }

            if (member.IsOptionalWrapper)
            {
                writer.WriteLine(member.PropertyName + " = (seen" + Invariant(i / 64) + " & " + Bit(i % 64) + ") != 0 ? new(member" + Invariant(i) + ") : default,");
            }
            else if (member.Required)
            {
                writer.WriteLine(member.PropertyName + " = member" + Invariant(i) + ",");
            }
            else
            {
                writer.WriteLine(member.PropertyName + " = (seen" + Invariant(i / 64) + " & " + Bit(i % 64) + ") != 0 ? member" + Invariant(i) + " : default(" + member.PropertyType + "),");
            }
        }

        if (node.PatternMemberType is { } patternType)
        {
            writer.WriteLine("PatternMembers = patternKept is null ? null : new " + Runtime + "ValueMap<" + patternType.Text + ">(patternKept),");
        }

        if (node.AdditionalMemberType is { } keptType)
        {
            writer.WriteLine("AdditionalMembers = kept is null ? null : new " + Runtime + "ValueMap<" + keptType + ">(kept),");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    /// <summary>The <c>propertyNames</c> check of the member name the reader is on, if the node has one.</summary>
    private static void EmitPropertyNameCheck(SourceWriter writer, NodeSpec node)
    {
        if (node.PropertyNames is { } names)
        {
            writer.WriteLine(names.RejectsEveryName ? "context.RejectPropertyName(ref reader);" : "context.CheckPropertyName<" + names.Reader!.Value.Text + ">(ref reader, " + names.Reader.Call + ");");
        }
    }

    /// <summary>
    /// Records, while an unevaluated check collects, that the member the reader is on is evaluated: by <c>properties</c>
    /// when declared, by <c>patternProperties</c> when a pattern matched, by <c>additionalProperties</c> otherwise.
    /// </summary>
    private static void EmitEvaluationMark(SourceWriter writer, NodeSpec node)
    {
        if (!node.ReportsEvaluation)
        {
            return;
        }

        if (node.HasAdditionalProperties)
        {
            writer.WriteLine("if (context.TracksEvaluation) context.MarkEvaluatedProperty(instance, ref reader);");
            return;
        }

        var conditions = new System.Collections.Generic.List<string>();
        if (!node.Members.IsEmpty)
        {
            conditions.Add("member >= 0");
        }

        if (!node.PatternProperties.IsEmpty)
        {
            conditions.Add("patterned");
        }

        if (conditions.Count > 0)
        {
            writer.WriteLine("if (context.TracksEvaluation && (" + string.Join(" || ", conditions) + ")) context.MarkEvaluatedProperty(instance, ref reader);");
        }
    }

    /// <summary>
    /// Reads the member the reader is on with every <c>patternProperties</c> schema whose pattern its name matches,
    /// declared or not, and notes in <c>patterned</c> whether any matched. In a record whose pattern members are
    /// typed, the first pattern that matches also builds the value, into <c>patternEntry</c>.
    /// </summary>
    private static void EmitPatternProperties(SourceWriter writer, NodeSpec node, bool isRecord)
    {
        if (node.PatternProperties.IsEmpty)
        {
            return;
        }

        var builds = isRecord && node.PatternMemberType is { } type && type.Name != AnyType;
        writer.WriteLine("var patterned = false;");
        if (builds)
        {
            writer.WriteLine(node.PatternMemberType!.Text + " patternEntry = default!;");
        }

        for (var i = 0; i < node.PatternProperties.Count; i++)
        {
            var pattern = node.PatternProperties[i];
            writer.OpenBlock("if (context.NameMatches(ref reader, " + pattern.RulesField + "))");
            writer.WriteLine("var patternValue = reader;");
            writer.WriteLine("patternValue.Read();");
            var check = pattern.Reader.Call + "(ref patternValue, ref context, false, out _);";
            var build = pattern.Reader.Call + "(ref patternValue, ref context, build, out patternEntry);";
            if (!builds)
            {
                writer.WriteLine(check);
            }
            else if (i == 0)
            {
                writer.WriteLine(build);
            }
            else
            {
                writer.WriteLine("if (patterned) " + check);
                writer.WriteLine("else " + build);
            }

            writer.WriteLine("patterned = true;");
            writer.CloseBlock();
        }
    }

    /// <summary>
    /// An undeclared member a pattern matched: checked for a repeated name and, in a record, kept in <c>patternKept</c>:
    /// the value the first matching pattern built, or the member read as any JSON value when the map holds <c>JsonAny</c>.
    /// </summary>
    private static void EmitPatternMember(SourceWriter writer, ReadType? keptType)
    {
        if (keptType is null)
        {
            writer.WriteLine("context.TryReadPropertyName(ref reader, ref names, false, out _);");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
            return;
        }

        writer.OpenBlock("if (context.TryReadPropertyName(ref reader, ref names, build, out var patternName))");
        writer.WriteLine("reader.Read();");
        if (keptType.Name == AnyType)
        {
            writer.WriteLine("context.TryReadAny(ref reader, build, out var patternEntry);");
        }
        else
        {
            writer.WriteLine("reader.Skip();");
        }

        writer.WriteLine("if (build && patternName is not null) (patternKept ??= new()).Add(new(patternName, patternEntry));");
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("reader.Skip();");
        writer.CloseBlock();
    }

    private static void EmitMap(SourceWriter writer, NodeSpec node)
    {
        var valueType = node.AdditionalProperties?.Value.Text ?? Runtime + "JsonAny";
        writer.WriteLine("var names = default(" + Runtime + "MemberNameSet);");
        writer.WriteLine("var entries = build ? new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, " + valueType + ">>() : null;");
        if (node.ReportsEvaluation)
        {
            writer.WriteLine("var instance = (int)reader.TokenStartIndex;");
        }

        writer.OpenBlock("while (reader.Read() && reader.TokenType == " + Json + "JsonTokenType.PropertyName)");
        writer.WriteLine("context.PushProperty(ref reader);");
        EmitPropertyNameCheck(writer, node);
        EmitEvaluationMark(writer, node);
        writer.WriteLine("var unique = context.TryReadPropertyName(ref reader, ref names, build, out var key);");
        writer.WriteLine("reader.Read();");
        if (node.AdditionalProperties is not null)
        {
            writer.WriteLine(node.AdditionalProperties.Call + "(ref reader, ref context, build, out var entry);");
        }
        else
        {
            writer.WriteLine("context.TryReadAny(ref reader, build, out var entry);");
        }

        writer.WriteLine("if (unique && entries is not null && key is not null) entries.Add(new(key, entry));");
        writer.WriteLine("context.Pop();");
        writer.CloseBlock();
        writer.WriteLine("if (entries is not null && context.ErrorCount == mark) value = new " + node.Shape.CSharpType + "(entries);");
    }


    private static readonly string AnyType = Runtime + "JsonAny";

    private static string Bit(int index) => "(1UL << " + Invariant(index) + ")";
}
