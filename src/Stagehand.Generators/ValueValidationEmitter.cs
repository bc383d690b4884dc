using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes <c>Validate()</c> for values built in code: what the type system cannot check (formats, ranges, patterns,
/// lengths, required references left null, undefined enum values, unions that hold no case), with pointers made of
/// wire names.
/// </summary>
internal static class ValueValidationEmitter
{
    /// <param name="reader">The generated reader of the record's own type (for <see cref="TypeSpec.ChecksOnTheWire"/>).</param>
    public static void EmitRecord(SourceWriter writer, RecordSpec record, string? reader)
    {
        var rules = new List<string>();
        EmitEntry(writer);
        writer.OpenBlock("public void ValidateInto(" + Runtime + "ContractValueValidator validator)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(validator);");
        var checks = EmitRecordChecks(record, rules);
        if (record.ChecksOnTheWire && reader is not null && !checks.IsEmpty)
        {
            writer.WriteLine("var errorsBefore = validator.ErrorCount;");
        }

        writer.WriteLines(checks);
        EmitWireCheck(writer, record, reader, afterChecks: !checks.IsEmpty);
        writer.CloseBlock();
        EmitRuleFields(writer, rules);
    }

    /// <summary>The checks of a record's members and additional members on the C# value.</summary>
    private static SourceWriter EmitRecordChecks(RecordSpec record, List<string> rules)
    {
        var writer = SourceWriter.Fragment();
        foreach (var member in record.Members)
        {
            if (member.Const is not null)
            {
                continue;
            }

            var wire = Identifiers.Literal(member.WireName);
            if (member.Required && !member.Nullable && !member.Shape.IsValueType)
            {
                writer.WriteLine("validator.Required(" + member.Name + ", " + wire + ");");
            }

            var value = member.IsOptionalWrapper ? member.Name + ".GetValueOrDefault(default)" : member.Name;
            var local = "the" + member.Name;

            // A value that is always there is checked as it is; any other, once it is there.
            var alwaysThere = member.Required && !member.Nullable && member.Shape.IsValueType;
            var check = new SourceWriter();
            EmitCheck(check, member.Shape, alwaysThere ? member.Name : local, member.Name, 0, rules);
            if (check.IsEmpty)
            {
                continue;
            }

            if (alwaysThere)
            {
                writer.WriteLine("validator.Push(" + wire + ");");
                writer.WriteLines(check);
                writer.WriteLine("validator.Pop();");
                continue;
            }

            writer.OpenBlock("if (" + value + " is { } " + local + ")");
            writer.WriteLine("validator.Push(" + wire + ");");
            writer.WriteLines(check);

            writer.WriteLine("validator.Pop();");
            writer.CloseBlock();
        }

        if (record.AdditionalMembers is not null && !record.Members.IsEmpty)
        {
            // An additional member may not take a declared member's name: written out, the object would hold the name twice.
            var declared = string.Join(" or ", record.Members.Select(m => Identifiers.Literal(m.WireName)));
            EmitKeyCheck(writer, "AdditionalMembers", "extraMembers", "extra", "extra.Key is " + declared, "duplicate",
                "The member is declared by the contract: set its property, not an additional member of the same name.");
        }

        EmitPatternMemberNameChecks(writer, record, rules);

        // Pattern and additional members sit beside the declared ones: their pointers are the object's own, with no step between.
        EmitMemberMapCheck(writer, record.PatternMembers, "PatternMembers", rules);
        EmitMemberMapCheck(writer, record.AdditionalMembers, "AdditionalMembers", rules);
        return writer;
    }

    /// <summary>
    /// A pattern member's name must match a <c>patternProperties</c> pattern, and an additional member's must match
    /// none: read back, a member goes where its name sends it, so a misplaced one would change maps (or be dropped).
    /// </summary>
    private static void EmitPatternMemberNameChecks(SourceWriter writer, RecordSpec record, List<string> rules)
    {
        if (record.PatternMembers is null)
        {
            return;
        }

        var fields = new List<string>();
        for (var i = 0; i < record.MemberPatterns.Count; i++)
        {
            var field = "s_memberPattern" + i.ToString(CultureInfo.InvariantCulture);
            rules.Add("private static readonly " + Runtime + "StringRules " + field + " = new(pattern: " + Identifiers.Literal(record.MemberPatterns[i]) + ");");
            fields.Add(field);
        }

        var matches = string.Join(" || ", fields.Select(f => f + ".Check(pattern.Key) is null"));
        var patterns = string.Join(", ", record.MemberPatterns.Select(p => "/" + p + "/"));
        EmitKeyCheck(writer, "PatternMembers", "namedByPattern", "pattern", "!(" + matches + ")", "patternProperties",
            "The name matches none of the contract's patterns (" + patterns + "): a pattern member must.");
        if (record.AdditionalMembers is not null)
        {
            EmitKeyCheck(writer, "AdditionalMembers", "notNamedByPattern", "pattern", matches, "patternProperties",
                "The name matches one of the contract's patterns (" + patterns + "): set it in PatternMembers, not as an additional member.");
        }
    }

    /// <summary>An error at each key of the map <paramref name="property"/> for which <paramref name="condition"/> holds.</summary>
    private static void EmitKeyCheck(SourceWriter writer, string property, string map, string entry, string condition, string keyword, string message)
    {
        writer.OpenBlock("if (" + property + " is { } " + map + ")");
        writer.OpenBlock("foreach (var " + entry + " in " + map + ")");
        writer.OpenBlock("if (" + condition + ")");
        writer.WriteLine("validator.Push(" + entry + ".Key);");
        writer.WriteLine("validator.AddError(" + Identifiers.Literal(keyword) + ", " + Identifiers.Literal(message) + ");");
        writer.WriteLine("validator.Pop();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The checks of each value of a record's map of pattern or additional members, when it has any.</summary>
    private static void EmitMemberMapCheck(SourceWriter writer, ValueShape? map, string property, List<string> rules)
    {
        if (map is null)
        {
            return;
        }

        var local = "the" + property;
        var check = new SourceWriter();
        EmitCheck(check, map, local, property, 0, rules);
        if (!check.IsEmpty)
        {
            writer.OpenBlock("if (" + property + " is { } " + local + ")");
            writer.WriteLines(check);
            writer.CloseBlock();
        }
    }

    /// <summary>
    /// For a type whose schema asks more than the C# value shows: once the value's own checks pass (a value they
    /// reject may not even write), it is written and read back with the type's generated reader.
    /// </summary>
    /// <param name="afterChecks">Whether checks of the C# value come first (the wire check then waits for them to pass).</param>
    private static void EmitWireCheck(SourceWriter writer, TypeSpec type, string? reader, bool afterChecks)
    {
        if (!type.ChecksOnTheWire || reader is null)
        {
            return;
        }

        var name = type.Type.FullName;
        var call = "validator.CheckOnTheWire<" + name + ", " + name + ">(this, static (writer, value) => value.WriteTo(writer), " + reader + ");";
        if (afterChecks)
        {
            writer.WriteLine("if (validator.ErrorCount == errorsBefore)");
            writer.WriteLine("    " + call);
        }
        else
        {
            writer.WriteLine(call);
        }
    }

    /// <param name="reader">The generated reader of the union's own type (for <see cref="TypeSpec.ChecksOnTheWire"/>).</param>
    public static void EmitUnion(SourceWriter writer, UnionSpec union, string? reader)
    {
        var rules = new List<string>();
        EmitEntry(writer);
        writer.OpenBlock("public void ValidateInto(" + Runtime + "ContractValueValidator validator)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(validator);");
        if (union.ChecksOnTheWire && reader is not null)
        {
            writer.WriteLine("var errorsBefore = validator.ErrorCount;");
        }

        writer.OpenBlock("switch (_case)");
        var index = 1;
        foreach (var @case in union.Cases)
        {
            var field = UnionEmitter.FieldName(@case);
            writer.OpenBlock("case " + (index++).ToString(CultureInfo.InvariantCulture) + ":");
            var check = new SourceWriter();
            EmitCheck(check, @case.Shape, field + (@case.Shape.IsValueType ? string.Empty : "!"), @case.Name, 0, rules);
            if (!check.IsEmpty)
            {
                writer.WriteLines(check);
            }

            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.WriteLine("default: validator.AddError(\"type\", \"The union holds no case: it is the default value.\"); break;");
        writer.CloseBlock();
        EmitWireCheck(writer, union, reader, afterChecks: true);
        writer.CloseBlock();
        EmitRuleFields(writer, rules);
    }

    private static void EmitEntry(SourceWriter writer)
    {
        writer.WriteSummaryXml("Checks what the type system cannot: formats, ranges, patterns, lengths, required members left null.");
        writer.WriteLine("public " + Runtime + "ValidationResult Validate() =>");
        writer.WriteLine("    " + Runtime + "ContractValueValidator.Validate(this, static (value, validator) => value.ValidateInto(validator));");
        writer.WriteLine();
        writer.WriteSummaryXml("Adds this value's violations to <paramref name=\"validator\"/>, at its current pointer.");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
    }

    private static void EmitRuleFields(SourceWriter writer, List<string> rules)
    {
        foreach (var rule in rules)
        {
            writer.WriteLine();
            writer.WriteLine(rule);
        }
    }

    private static void EmitCheck(SourceWriter writer, ValueShape shape, string expression, string owner, int depth, List<string> rules)
    {
        switch (shape.Kind)
        {
            case ValueKind.String when shape.MinLength is not null || shape.MaxLength is not null || shape.Pattern is not null:
                var field = "s_" + Identifiers.ToCamelCase(owner).TrimStart('@') + "Rules" + depth.ToString(CultureInfo.InvariantCulture);
                rules.Add("private static readonly " + Runtime + "StringRules " + field + " = new(" + string.Join(", ", new[]
                {
                    shape.MinLength is null ? null : "minLength: " + shape.MinLength.Value.ToString(CultureInfo.InvariantCulture),
                    shape.MaxLength is null ? null : "maxLength: " + shape.MaxLength.Value.ToString(CultureInfo.InvariantCulture),
                    shape.Pattern is null ? null : "pattern: " + Identifiers.Literal(shape.Pattern),
                }.Where(a => a is not null)) + ");");
                writer.WriteLine("validator.Check(" + expression + ", " + field + ");");
                break;
            case ValueKind.String when !shape.AllowedValues.IsEmpty && shape.AllowedValues.All(v => v.Kind == JsonTypes.String):
                var allowed = string.Join(" || ", shape.AllowedValues.Select(v => expression + " == " + Identifiers.Literal(v.Text)));
                writer.WriteLine("if (!(" + allowed + ")) validator.AddError(\"enum\", " + Identifiers.Literal("Expected one of: " + string.Join(", ", shape.AllowedValues.Select(v => v.Text)) + ".") + ");");
                break;
            case ValueKind.Uri:
                writer.WriteLine("if (!" + expression + ".IsAbsoluteUri) validator.AddError(\"format\", \"Expected an absolute URI.\");");
                break;
            case ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double when shape.Minimum is not null || shape.Maximum is not null || shape.ExclusiveMinimum is not null || shape.ExclusiveMaximum is not null || shape.MultipleOf is not null:
                var numberField = "s_" + Identifiers.ToCamelCase(owner).TrimStart('@') + "Range" + depth.ToString(CultureInfo.InvariantCulture);
                rules.Add("private static readonly " + Runtime + "NumberRules " + numberField + " = new(" + string.Join(", ", new[]
                {
                    shape.Minimum is null ? null : "minimum: " + Identifiers.Literal(shape.Minimum),
                    shape.Maximum is null ? null : "maximum: " + Identifiers.Literal(shape.Maximum),
                    shape.ExclusiveMinimum is null ? null : "exclusiveMinimum: " + Identifiers.Literal(shape.ExclusiveMinimum),
                    shape.ExclusiveMaximum is null ? null : "exclusiveMaximum: " + Identifiers.Literal(shape.ExclusiveMaximum),
                    shape.MultipleOf is null ? null : "multipleOf: " + Identifiers.Literal(shape.MultipleOf),
                }.Where(a => a is not null)) + ");");
                writer.WriteLine("validator.Check(" + (shape.Kind == ValueKind.Double ? expression : "(long)" + expression) + ", " + numberField + ");");
                break;
            case ValueKind.Double:
                writer.WriteLine("if (double.IsNaN(" + expression + ") || double.IsInfinity(" + expression + ")) validator.AddError(\"type\", \"Expected a finite number.\");");
                break;
            case ValueKind.Named when shape.Named!.Kind == NamedKind.Enum:
                writer.WriteLine("if (!" + shape.Named.FullName + GeneratedMemberNames.WireValuesSuffix + ".IsDefined(" + expression + ")) validator.AddError(\"enum\", \"The value is not one the contract defines.\");");
                break;
            case ValueKind.Named:
                writer.WriteLine(expression + ".ValidateInto(validator);");
                break;
            case ValueKind.List:
                if (shape.MinItems is not null || shape.MaxItems is not null)
                {
                    writer.WriteLine("validator.CheckCount(" + expression + ".Count, " + Number(shape.MinItems) + ", " + Number(shape.MaxItems) + ");");
                }

                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                var index = "index" + depth.ToString(CultureInfo.InvariantCulture);
                EmitEach(writer, shape, owner, depth, rules, item, "var " + index + " = 0;", item + "Entry in " + expression, index + "++", item + "Entry");
                break;
            case ValueKind.Tuple:
                EmitTupleChecks(writer, shape, expression, owner, depth, rules);
                break;
            case ValueKind.Map:
                var pair = "pair" + depth.ToString(CultureInfo.InvariantCulture);
                EmitEach(writer, shape, owner, depth, rules, "entry" + depth.ToString(CultureInfo.InvariantCulture), null, pair + " in " + expression, pair + ".Key", pair + ".Value");
                break;
        }
    }

    /// <summary>
    /// Checks each item of a tuple under its index, and that no optional item is set after one left out: the array ends
    /// at the first one left out, so a later one could not be written.
    /// </summary>
    private static void EmitTupleChecks(SourceWriter writer, ValueShape shape, string expression, string owner, int depth, List<string> rules)
    {
        var checks = SourceWriter.Fragment();
        var optional = shape.TupleItems.Select((item, i) => (item, i)).Where(p => p.item.Optional).Select(p => p.i).ToList();
        for (var k = 0; k + 1 < optional.Count; k++)
        {
            var later = string.Join(" || ", optional.Skip(k + 1).Select(i => Item(i) + " is not null"));
            checks.OpenBlock("if (" + Item(optional[k]) + " is null && (" + later + "))");
            checks.WriteLine("validator.Push(" + optional[k].ToString(CultureInfo.InvariantCulture) + ");");
            checks.WriteLine("validator.AddError(\"prefixItems\", \"The item is left out but a later one is set: an array cannot skip a position.\");");
            checks.WriteLine("validator.Pop();");
            checks.CloseBlock();
        }

        for (var i = 0; i < shape.TupleItems.Count; i++)
        {
            var item = shape.TupleItems[i];
            var local = "tupleItem" + depth.ToString(CultureInfo.InvariantCulture) + "_" + i.ToString(CultureInfo.InvariantCulture);
            var inner = new SourceWriter();
            EmitCheck(inner, item.Shape, local, owner + "Item" + (i + 1).ToString(CultureInfo.InvariantCulture), depth + 1, rules);
            if (inner.IsEmpty)
            {
                continue;
            }

            checks.OpenBlock("if (" + Item(i) + " is { } " + local + ")");
            checks.WriteLine("validator.Push(" + i.ToString(CultureInfo.InvariantCulture) + ");");
            checks.WriteLines(inner);
            checks.WriteLine("validator.Pop();");
            checks.CloseBlock();
        }

        if (!checks.IsEmpty)
        {
            // A block of its own: the pattern variables above are scoped to it, so two tuples in one method do not clash.
            writer.OpenBlock(string.Empty);
            writer.WriteLines(checks);
            writer.CloseBlock();
        }

        string Item(int i) => expression + ".Item" + (i + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Checks every element of a list or value of a map, each under its own pointer segment.</summary>
    private static void EmitEach(SourceWriter writer, ValueShape shape, string owner, int depth, List<string> rules, string local, string? setup, string loop, string segment, string element)
    {
        var inner = new SourceWriter();
        EmitCheck(inner, shape.Element!, local, owner, depth + 1, rules);
        if (inner.IsEmpty)
        {
            return;
        }

        if (setup is not null)
        {
            writer.WriteLine(setup);
        }

        writer.OpenBlock("foreach (var " + loop + ")");
        writer.WriteLine("validator.Push(" + segment + ");");
        writer.OpenBlock("if (" + element + " is { } " + local + ")");
        writer.WriteLines(inner);
        writer.CloseBlock();
        writer.WriteLine("validator.Pop();");
        writer.CloseBlock();
    }

    private static string Number(int? value) => value is null ? "null" : value.Value.ToString(CultureInfo.InvariantCulture);
}
