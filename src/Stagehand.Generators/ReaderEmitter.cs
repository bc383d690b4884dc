using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes the static class that reads every schema node of one file: one method per node that validates the value
/// at the reader in a single pass, reports every violation with its pointer, and builds the C# value when asked.
/// </summary>
internal static class ReaderEmitter
{
    private const string Signature = "(ref " + Json + "Utf8JsonReader reader, ref " + Runtime + "ContractReadContext context, bool build, out ";

    public static void Emit(SourceWriter writer, ContractFile file)
    {
        writer.WriteSummaryXml("Reads and validates the JSON of every schema in " + SourceWriter.Code(file.SchemaPath) + ".");
        writer.WriteLine(ContractEmitter.GeneratedCodeAttribute);
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock((file.Mode == SchemaMode.Validator ? file.Visibility.Keyword() : "internal") + " static class " + file.SchemaClass);
        if (file.Mode == SchemaMode.Validator)
        {
            EmitValidatorEntry(writer, file);
        }

        foreach (var node in file.Nodes)
        {
            EmitRules(writer, node);
        }

        foreach (var node in file.Nodes)
        {
            writer.WriteLine();
            if (node.EntersScope is { } scope)
            {
                EmitScopeEntry(writer, node, scope);
                writer.WriteLine();
            }

            EmitNode(writer, node, node.EntersScope is null ? node.Method : InScopeMethod(node));
            if (node.NonNullMethod is not null)
            {
                writer.WriteLine();
                EmitNonNullReader(writer, node);
            }
        }

        writer.CloseBlock();
    }

    private static string InScopeMethod(NodeSpec node) => GeneratedMemberNames.InScopeReader(node.Method);

    /// <summary>
    /// The reader of a resource root that declares a dynamic anchor: it records in the dynamic scope that evaluation is
    /// inside the resource while its own reader (<c>…InScope</c>) reads the value.
    /// </summary>
    private static void EmitScopeEntry(SourceWriter writer, NodeSpec node, int scope)
    {
        writer.OpenBlock("internal static bool " + node.Method + Signature + node.Value.Text + " value)");
        writer.WriteLine("context.EnterScope(" + Invariant(scope) + ");");
        writer.WriteLine("var valid = " + InScopeMethod(node) + "(ref reader, ref context, build, out value);");
        writer.WriteLine("context.LeaveScope();");
        writer.WriteLine("return valid;");
        writer.CloseBlock();
    }

    /// <summary>The reader of a nullable node's own type: null is a type error there, anything else reads as the node does.</summary>
    private static void EmitNonNullReader(SourceWriter writer, NodeSpec node)
    {
        var type = node.OwnType!;
        var declared = Describe(node.DeclaredTypes & ~JsonTypes.Null);
        var expected = declared.Length == 0 ? "a value other than null" : declared;
        writer.OpenBlock("internal static bool " + node.NonNullMethod + "(ref " + Json + "Utf8JsonReader reader, ref " + Runtime + "ContractReadContext context, bool build, out " + type.FullName + " value)");
        writer.OpenBlock("if (reader.TokenType == " + Json + "JsonTokenType.Null)");
        writer.WriteLine("context.TypeMismatch(ref reader, " + Identifiers.Literal(expected) + ");");
        writer.WriteLine("value = default!;");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("var valid = " + node.Method + "(ref reader, ref context, build, out var read);");
        writer.WriteLine(type.IsValueType ? "value = read.GetValueOrDefault();" : "value = read!;");
        writer.WriteLine("return valid;");
        writer.CloseBlock();
    }

    private static void EmitValidatorEntry(SourceWriter writer, ContractFile file)
    {
        writer.WriteSummaryXml("Validates a whole JSON document against the schema.");
        writer.WriteLine("public static " + Runtime + "ValidationResult Validate(global::System.ReadOnlySpan<byte> utf8Json, " + Runtime + "ContractReadOptions? options = null) =>");
        writer.WriteLine("    " + Runtime + "ContractJson.Validate<" + Runtime + "JsonAny>(utf8Json, options, ReadRoot);");
        writer.WriteLine();
    }

    internal static string StringRulesField(NodeSpec node) => GeneratedMemberNames.StringRulesField(node.Method);

    internal static string NumberRulesField(NodeSpec node) => GeneratedMemberNames.NumberRulesField(node.Method);

    private static void EmitRules(SourceWriter writer, NodeSpec node)
    {
        if (node.HasStringRules)
        {
            var format = node.Format is null ? "None" : FormatNames.RuntimeName(node.Format) ?? "None";
            writer.WriteLine("internal static readonly " + Runtime + "StringRules " + StringRulesField(node) + " = new(" +
                Arguments(("minLength", node.MinLength), ("maxLength", node.MaxLength), ("pattern", node.Pattern is null ? null : Identifiers.Literal(node.Pattern)), ("format", format == "None" ? null : Runtime + "StringFormat." + format)) + ");");
        }

        if (node.HasNumberRules)
        {
            writer.WriteLine("internal static readonly " + Runtime + "NumberRules " + NumberRulesField(node) + " = new(" +
                Arguments(
                    ("minimum", Quote(node.Minimum)),
                    ("maximum", Quote(node.Maximum)),
                    ("exclusiveMinimum", Quote(node.ExclusiveMinimum)),
                    ("exclusiveMaximum", Quote(node.ExclusiveMaximum)),
                    ("integer", node.IntegerOnly ? "true" : null),
                    ("multipleOf", Quote(node.MultipleOf))) + ");");
        }

        if (node.DynamicRef is { Targets.IsEmpty: false } dynamic)
        {
            writer.WriteLine("private static readonly int[] " + DynamicScopesField(node) + " = { " + string.Join(", ", dynamic.Targets.Select(t => Invariant(t.ScopeId))) + " };");
        }

        foreach (var pattern in node.PatternProperties)
        {
            writer.WriteLine("internal static readonly " + Runtime + "StringRules " + pattern.RulesField + " = new(pattern: " + Identifiers.Literal(pattern.Pattern) + ");");
        }

        if (!node.ReadOnlyMembers.IsEmpty)
        {
            writer.WriteLine("private static readonly string[] " + GeneratedMemberNames.ReadOnlyMembersField(node.Method) + " = { " + string.Join(", ", node.ReadOnlyMembers.Select(Identifiers.Literal)) + " };");
        }

        var index = 0;
        foreach (var literal in node.CheckedLiterals)
        {
            if (literal.Kind != JsonTypes.String)
            {
                writer.WriteLine("private static readonly " + Runtime + "JsonAny " + LiteralField(node, index) + " = " + Runtime + "JsonAny.Parse(" + Identifiers.Literal(literal.Text) + ");");
            }

            index++;
        }
    }

    private static string? Quote(string? text) => text is null ? null : Identifiers.Literal(text);

    private static string Arguments(params (string Name, string? Value)[] arguments) =>
        string.Join(", ", arguments.Where(a => a.Value is not null).Select(a => a.Name + ": " + a.Value));

    private static string LiteralField(NodeSpec node, int index) => GeneratedMemberNames.LiteralField(node.Method, index);

    private static void EmitNode(SourceWriter writer, NodeSpec node, string method)
    {
        writer.OpenBlock("internal static bool " + method + Signature + node.Value.Text + " value)");
        if (node.BooleanSchema == false)
        {
            writer.WriteLine("value = default!;");
            writer.WriteLine("context.AddError(\"false\", \"No value is allowed here.\");");
            writer.WriteLine("reader.Skip();");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            return;
        }

        if (node.BooleanSchema == true || node.ReadsAnyValue)
        {
            writer.WriteLine("return context.TryReadAny(ref reader, build, out value);");
            writer.CloseBlock();
            return;
        }

        if (node.Ref is not null && !node.HasOwnAssertions && node.Composition == CompositionKind.None)
        {
            EmitDelegation(writer, node.Ref, node, node.RefEntersScope);
            writer.CloseBlock();
            return;
        }

        if (node.Composition == CompositionKind.NullableWrapper)
        {
            writer.OpenBlock("if (reader.TokenType == " + Json + "JsonTokenType.Null)");
            writer.WriteLine("value = default;");
            writer.WriteLine("return true;");
            writer.CloseBlock();
            writer.WriteLine();
            EmitDelegation(writer, node.Wrapped!, node, scope: null);
            writer.CloseBlock();
            return;
        }

        writer.WriteLine("value = default!;");
        writer.WriteLine("var mark = context.ErrorCount;");
        var needsStart = node.RereadsValue;
        if (needsStart)
        {
            writer.WriteLine("var start = reader;");
        }

        var types = node.DeclaredTypes != JsonTypes.None ? node.DeclaredTypes : ShapeTypes(node);
        if (types != JsonTypes.None)
        {
            writer.OpenBlock("if (!(" + TokenCondition("reader", types) + "))");
            writer.WriteLine("context.TypeMismatch(ref reader, " + Identifiers.Literal(Describe(types)) + ");");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        if (node.ChecksUnevaluated)
        {
            // Collect what this node and the subschemas it applies in place evaluate, for the unevaluated checks below.
            writer.WriteLine("var evaluationFrom = context.BeginEvaluation();");
        }

        EmitSections(writer, node, types);
        EmitLiterals(writer, node);
        EmitComposition(writer, node);
        EmitMemberCountChecks(writer, node);
        EmitItemSetChecks(writer, node);
        EmitConditions(writer, node);
        EmitUnevaluatedChecks(writer, node);

        if (node.Shape.Kind == ValueKind.Any)
        {
            writer.OpenBlock("if (build && context.ErrorCount == mark)");
            writer.WriteLine("var copy = start;");
            writer.WriteLine("context.TryReadAny(ref copy, true, out value);");
            writer.CloseBlock();
        }

        writer.WriteLine("return context.ErrorCount == mark;");
        writer.CloseBlock();
    }

    /// <summary>The JSON types the C# shape can hold, for nodes that do not declare <c>type</c>.</summary>
    private static JsonTypes ShapeTypes(NodeSpec node)
    {
        var types = node.Shape.Kind switch
        {
            ValueKind.String or ValueKind.Guid or ValueKind.DateTimeOffset or ValueKind.Uri => JsonTypes.String,
            ValueKind.Boolean => JsonTypes.Boolean,
            ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => JsonTypes.Number,
            ValueKind.List or ValueKind.Tuple => JsonTypes.Array,
            ValueKind.Map => JsonTypes.Object,
            ValueKind.Named when node.Shape.Named!.Kind == NamedKind.Record => JsonTypes.Object,
            ValueKind.Named when node.Shape.Named!.Kind == NamedKind.Enum => node.IsNumericEnum ? JsonTypes.Number : JsonTypes.String,
            _ => JsonTypes.None,
        };
        return types == JsonTypes.None || !node.Nullable ? types : types | JsonTypes.Null;
    }

    private static void EmitDelegation(SourceWriter writer, MethodRef target, NodeSpec node, int? scope)
    {
        if (scope is not null)
        {
            writer.WriteLine("context.EnterScope(" + Invariant(scope.Value) + ");");
        }

        if (target.Value == node.Value && scope is null)
        {
            writer.WriteLine("return " + target.Call + "(ref reader, ref context, build, out value);");
            return;
        }

        writer.WriteLine("var valid = " + target.Call + "(ref reader, ref context, build, out var inner);");
        writer.WriteLine("value = inner" + (target.Value.Nullable && !node.Value.Nullable ? "!" : string.Empty) + ";");
        if (scope is not null)
        {
            writer.WriteLine("context.LeaveScope();");
        }

        writer.WriteLine("return valid;");
    }

    /// <summary>A call to another node's reader that records, around it, the dynamic scope it enters (if it enters one).</summary>
    private static void WriteCall(SourceWriter writer, string call, int? scope)
    {
        if (scope is null)
        {
            writer.WriteLine(call);
            return;
        }

        writer.WriteLine("context.EnterScope(" + Invariant(scope.Value) + ");");
        writer.WriteLine(call);
        writer.WriteLine("context.LeaveScope();");
    }

    // ---- per-token sections -------------------------------------------------------------------------------

    private static void EmitSections(SourceWriter writer, NodeSpec node, JsonTypes allowed)
    {
        var sections = new List<(string[] Tokens, SourceWriter Body)>();
        bool Allows(JsonTypes kind) => allowed == JsonTypes.None || (allowed & kind) != 0;
        // A union that reads its case from the reader itself must not have the value skipped first.
        var unionConsumes = node.UnionReadsInPlace;
        var objectBody = SourceWriter.Fragment();
        if (node.HasObjectKeywords)
        {
            ObjectEmitter.Emit(objectBody, node);
        }
        else if (!unionConsumes)
        {
            objectBody.WriteLine("reader.Skip();");
        }

        if (Allows(JsonTypes.Object))
        {
            sections.Add((new[] { "StartObject" }, objectBody));
        }

        var arrayBody = SourceWriter.Fragment();
        if (node.ReadsItems || (node.OwnsShape && node.Shape.Kind == ValueKind.List))
        {
            EmitArray(arrayBody, node);
        }
        else if (!unionConsumes)
        {
            arrayBody.WriteLine("reader.Skip();");
        }

        if (Allows(JsonTypes.Array))
        {
            sections.Add((new[] { "StartArray" }, arrayBody));
        }

        var stringBody = SourceWriter.Fragment();
        EmitString(stringBody, node);
        sections.Add((new[] { "String" }, stringBody));

        var numberBody = SourceWriter.Fragment();
        EmitNumber(numberBody, node);
        sections.Add((new[] { "Number" }, numberBody));

        if (node.OwnsShape && node.Shape.Kind == ValueKind.Boolean)
        {
            sections.Add((new[] { "True" }, SourceWriter.Fragment().WriteLine("value = true;")));
            sections.Add((new[] { "False" }, SourceWriter.Fragment().WriteLine("value = false;")));
        }

        sections.RemoveAll(section => section.Body.IsEmpty);
        if (sections.Count == 0)
        {
            return;
        }

        writer.OpenBlock("switch (reader.TokenType)");
        foreach (var (tokens, body) in sections)
        {
            foreach (var token in tokens)
            {
                writer.WriteLine("case " + Json + "JsonTokenType." + token + ":");
            }

            writer.OpenBlock(string.Empty);
            writer.WriteLines(body);
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void EmitString(SourceWriter writer, NodeSpec node)
    {
        var rules = node.HasStringRules ? StringRulesField(node) : "null";
        switch (node.OwnsShape ? node.Shape.Kind : ValueKind.Any)
        {
            case ValueKind.String:
                writer.WriteLine("if (context.TryReadString(ref reader, " + rules + ", build, out var text) && build) value = text!;");
                return;
            case ValueKind.Guid:
                writer.WriteLine("if (context.TryReadGuid(ref reader, " + rules + ", out var guid)) value = guid;");
                return;
            case ValueKind.DateTimeOffset:
                writer.WriteLine("if (context.TryReadDateTimeOffset(ref reader, " + rules + ", out var instant)) value = instant;");
                return;
            case ValueKind.Uri:
                writer.WriteLine("if (context.TryReadUri(ref reader, " + rules + ", build, out var uri) && build) value = uri!;");
                return;
            case ValueKind.Named when node.OwnType is { Kind: NamedKind.Enum } && !node.IsNumericEnum:
                var first = true;
                foreach (var member in node.EnumValues.Where(v => v.Value.Kind == JsonTypes.String))
                {
                    writer.WriteLine((first ? "if" : "else if") + " (reader.ValueTextEquals(" + Identifiers.Literal(member.Value.Text) + "u8)) value = " + node.OwnType!.FullName + "." + member.Name + ";");
                    first = false;
                }

                writer.WriteLine("else context.AddError(\"enum\", " + Identifiers.Literal("Expected one of: " + string.Join(", ", node.Enum.Select(l => l.Text)) + ".") + ");");
                return;
        }

        if (node.HasStringRules)
        {
            writer.WriteLine("context.CheckString(ref reader, " + rules + ");");
        }
    }

    private static void EmitNumber(SourceWriter writer, NodeSpec node)
    {
        var rules = node.HasNumberRules ? NumberRulesField(node) : "null";
        switch (node.OwnsShape ? node.Shape.Kind : ValueKind.Any)
        {
            case ValueKind.Int32:
                writer.WriteLine("if (context.TryReadInt32(ref reader, " + rules + ", out var number)) value = number;");
                return;
            case ValueKind.Int64:
                writer.WriteLine("if (context.TryReadInt64(ref reader, " + rules + ", out var number)) value = number;");
                return;
            case ValueKind.Double:
                writer.WriteLine("if (context.TryReadDouble(ref reader, " + rules + ", out var number)) value = number;");
                return;
            case ValueKind.Named when node.OwnType is { Kind: NamedKind.Enum } && node.IsNumericEnum:
                writer.OpenBlock("if (context.TryReadInt32(ref reader, " + rules + ", out var number))");
                writer.OpenBlock("switch (number)");
                // One case per member: the model keeps one spelling of each number (0 and -0 are one value).
                foreach (var member in node.EnumValues.Where(v => v.Value.Kind == JsonTypes.Integer))
                {
                    writer.WriteLine("case " + member.Value.Text + ": value = " + node.OwnType!.FullName + "." + member.Name + "; break;");
                }

                writer.WriteLine("default: context.AddError(\"enum\", " + Identifiers.Literal("Expected one of: " + string.Join(", ", node.Enum.Select(l => l.Text)) + ".") + "); break;");
                writer.CloseBlock();
                writer.CloseBlock();
                return;
        }

        if (node.HasNumberRules)
        {
            writer.WriteLine("context.CheckNumber(ref reader, " + rules + ");");
        }
    }

    private static void EmitArray(SourceWriter writer, NodeSpec node)
    {
        var builds = node.OwnsShape && node.Shape.Kind == ValueKind.List;
        var itemType = node.Items?.Value.Text ?? Runtime + "JsonAny";
        if (builds)
        {
            writer.WriteLine("var items = build ? new global::System.Collections.Generic.List<" + itemType + ">() : null;");
        }

        if (node.ReportsEvaluation)
        {
            writer.WriteLine("var instance = (int)reader.TokenStartIndex;");
        }

        var tuple = node.OwnsShape && node.Shape.Kind == ValueKind.Tuple;
        if (tuple)
        {
            for (var i = 0; i < node.PrefixItems.Count; i++)
            {
                writer.WriteLine(node.PrefixItems[i].Value.Text + " item" + Invariant(i) + " = default!;");
            }
        }

        writer.WriteLine("var count = 0;");
        writer.OpenBlock("while (reader.Read() && reader.TokenType != " + Json + "JsonTokenType.EndArray)");
        if (!node.PrefixItems.IsEmpty)
        {
            // The first items each have their own schema; items (if any) reads the rest. A tuple keeps each item it reads.
            writer.WriteLine("var index = count++;");
            writer.WriteLine("context.PushIndex(index);");
            writer.OpenBlock("switch (index)");
            for (var i = 0; i < node.PrefixItems.Count; i++)
            {
                writer.WriteLine("case " + Invariant(i) + ": " + node.PrefixItems[i].Call + "(ref reader, ref context, " + (tuple ? "build, out item" + Invariant(i) : "false, out _") + "); break;");
            }

            writer.WriteLine("default: " + (node.Items is null ? "reader.Skip();" : node.Items.Call + "(ref reader, ref context, false, out _);") + " break;");
            writer.CloseBlock();
        }
        else if (node.Items is not null)
        {
            writer.WriteLine("context.PushIndex(count++);");
            writer.WriteLine(node.Items.Call + "(ref reader, ref context, build, out var item);");
            if (builds)
            {
                writer.WriteLine("items?.Add(item);");
            }
        }
        else if (builds)
        {
            writer.WriteLine("context.PushIndex(count++);");
            writer.WriteLine("context.TryReadAny(ref reader, build, out var item);");
            writer.WriteLine("items?.Add(item);");
        }
        else
        {
            writer.WriteLine("context.PushIndex(count++);");
            writer.WriteLine("reader.Skip();");
        }

        writer.WriteLine("context.Pop();");
        writer.CloseBlock();
        if (node.ReportsEvaluation && (node.Items is not null || !node.PrefixItems.IsEmpty))
        {
            var evaluated = node.Items is not null ? "count" : "global::System.Math.Min(count, " + Invariant(node.PrefixItems.Count) + ")";
            writer.WriteLine("if (context.TracksEvaluation) context.MarkItemsUpTo(instance, " + evaluated + ");");
        }

        if (node.MinItems is not null)
        {
            writer.WriteLine("if (count < " + node.MinItems.Value.ToString(CultureInfo.InvariantCulture) + ") context.AddError(\"minItems\", " +
                Identifiers.Literal("Expected at least " + node.MinItems.Value.ToString(CultureInfo.InvariantCulture) + " items.") + ");");
        }

        if (node.MaxItems is not null)
        {
            writer.WriteLine("if (count > " + node.MaxItems.Value.ToString(CultureInfo.InvariantCulture) + ") context.AddError(\"maxItems\", " +
                Identifiers.Literal("Expected at most " + node.MaxItems.Value.ToString(CultureInfo.InvariantCulture) + " items.") + ");");
        }

        if (builds)
        {
            writer.WriteLine("if (items is not null && context.ErrorCount == mark) value = new " + node.Shape.CSharpType + "(items);");
        }

        if (tuple)
        {
            // An optional position the array did not reach is null, and so is every one after it.
            var items = node.Shape.TupleItems.Select((item, i) => item.Optional
                ? "count > " + Invariant(i) + " ? (" + item.CSharpType + ")item" + Invariant(i) + " : null"
                : "item" + Invariant(i));
            var construction = node.Shape.TupleItems.Count == 1 ? "new " + node.Shape.CSharpType + "(" + items.Single() + ")" : "(" + string.Join(", ", items) + ")";
            writer.WriteLine("if (build && context.ErrorCount == mark) value = " + construction + ";");
        }
    }

    // ---- whole-container checks and conditions, each over a copy of the reader at the value's start ---------

    /// <summary><c>minProperties</c>, <c>maxProperties</c>, <c>dependentRequired</c> and <c>dependentSchemas</c>.</summary>
    private static void EmitMemberCountChecks(SourceWriter writer, NodeSpec node)
    {
        if (!node.HasMemberCountChecks)
        {
            return;
        }

        writer.OpenBlock("if (start.TokenType == " + Json + "JsonTokenType.StartObject)");
        if (node.MinProperties is not null || node.MaxProperties is not null)
        {
            writer.WriteLine("var memberCount = context.CountMembers(ref start);");
            if (node.MinProperties is { } min)
            {
                writer.WriteLine("if (memberCount < " + Invariant(min) + ") context.AddError(\"minProperties\", " + Identifiers.Literal("Expected at least " + Invariant(min) + (min == 1 ? " member." : " members.")) + ");");
            }

            if (node.MaxProperties is { } max)
            {
                writer.WriteLine("if (memberCount > " + Invariant(max) + ") context.AddError(\"maxProperties\", " + Identifiers.Literal("Expected at most " + Invariant(max) + (max == 1 ? " member." : " members.")) + ");");
            }
        }

        foreach (var dependency in node.DependentRequired.Where(d => !d.Required.IsEmpty))
        {
            writer.OpenBlock("if (context.HasMember(ref start, " + Identifiers.Literal(dependency.Trigger) + "u8))");
            foreach (var required in dependency.Required)
            {
                writer.WriteLine("if (!context.HasMember(ref start, " + Identifiers.Literal(required) + "u8)) context.AddMemberError(\"dependentRequired\", " + Identifiers.Literal(required) + ", " +
                    Identifiers.Literal("The member '" + required + "' is required when '" + dependency.Trigger + "' is present.") + ");");
            }

            writer.CloseBlock();
        }

        foreach (var dependency in node.DependentSchemas)
        {
            writer.OpenBlock("if (context.HasMember(ref start, " + Identifiers.Literal(dependency.Trigger) + "u8))");
            writer.WriteLine("var copy = start;");
            writer.WriteLine(dependency.Reader.Call + "(ref copy, ref context, false, out _);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary><c>contains</c> (with <c>minContains</c> and <c>maxContains</c>) and <c>uniqueItems</c>.</summary>
    private static void EmitItemSetChecks(SourceWriter writer, NodeSpec node)
    {
        if (!node.HasItemSetChecks)
        {
            return;
        }

        writer.OpenBlock("if (start.TokenType == " + Json + "JsonTokenType.StartArray)");
        if (node.Contains is not null)
        {
            var marks = node.ReportsEvaluation && node.ContainsEvaluatesItems;
            writer.WriteLine("var matches = 0;");
            writer.WriteLine("var scan = start;");
            if (marks)
            {
                writer.WriteLine("var index = 0;");
            }

            writer.OpenBlock("while (scan.Read() && scan.TokenType != " + Json + "JsonTokenType.EndArray)");
            writer.WriteLine("var item = scan;");
            writer.WriteLine("var trial = context.BeginTrial();");
            writer.WriteLine(node.Contains.Call + "(ref item, ref context, false, out _);");
            if (marks)
            {
                // The items contains matches are evaluated (draft 2020-12).
                writer.OpenBlock("if (context.EndTrial(trial))");
                writer.WriteLine("matches++;");
                writer.WriteLine("if (context.TracksEvaluation) context.MarkItem((int)start.TokenStartIndex, index);");
                writer.CloseBlock();
                writer.WriteLine("index++;");
            }
            else
            {
                writer.WriteLine("if (context.EndTrial(trial)) matches++;");
            }

            writer.WriteLine("scan.Skip();");
            writer.CloseBlock();
            if (node.MinContains > 0)
            {
                var keyword = node.MinContains == 1 ? "contains" : "minContains";
                var message = node.MinContains == 1 ? "No item matches the schema of 'contains'." : "Fewer than " + Invariant(node.MinContains) + " items match the schema of 'contains'.";
                writer.WriteLine("if (matches < " + Invariant(node.MinContains) + ") context.AddError(\"" + keyword + "\", " + Identifiers.Literal(message) + ");");
            }

            if (node.MaxContains is { } max)
            {
                writer.WriteLine("if (matches > " + Invariant(max) + ") context.AddError(\"maxContains\", " + Identifiers.Literal("More than " + Invariant(max) + (max == 1 ? " item matches" : " items match") + " the schema of 'contains'.") + ");");
            }
        }

        if (node.UniqueItems)
        {
            writer.WriteLine("context.CheckUniqueItems(ref start);");
        }

        writer.CloseBlock();
    }

    /// <summary>
    /// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c>, last: every member or item that neither this node nor a
    /// subschema it applied in place (and that passed) evaluated is read with the unevaluated schema. Then, for a node
    /// that is itself applied in place below another such check, the whole instance counts as evaluated.
    /// </summary>
    private static void EmitUnevaluatedChecks(SourceWriter writer, NodeSpec node)
    {
        if (!node.ChecksUnevaluated)
        {
            return;
        }

        // A true schema accepts every unevaluated member or item: nothing to read, but all of them count as evaluated.
        var checksProperties = node.UnevaluatedProperties is not null || node.RejectsUnevaluatedProperties;
        var checksItems = node.UnevaluatedItems is not null || node.RejectsUnevaluatedItems;
        if (checksProperties)
        {
            writer.OpenBlock("if (start.TokenType == " + Json + "JsonTokenType.StartObject)");
            writer.WriteLine("var instance = (int)start.TokenStartIndex;");
            writer.WriteLine("var scan = start;");
            writer.OpenBlock("while (scan.Read() && scan.TokenType == " + Json + "JsonTokenType.PropertyName)");
            writer.OpenBlock("if (!context.IsPropertyEvaluated(evaluationFrom, instance, ref scan))");
            writer.WriteLine("context.PushProperty(ref scan);");
            if (node.RejectsUnevaluatedProperties)
            {
                writer.WriteLine("context.AddError(\"unevaluatedProperties\", \"The member is not allowed here: no schema declares it.\");");
            }
            else
            {
                writer.WriteLine("var member = scan;");
                writer.WriteLine("member.Read();");
                writer.WriteLine(node.UnevaluatedProperties!.Call + "(ref member, ref context, false, out _);");
            }

            writer.WriteLine("context.Pop();");
            writer.CloseBlock();
            writer.WriteLine("scan.Read();");
            writer.WriteLine("scan.Skip();");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        if (checksItems)
        {
            writer.OpenBlock("if (start.TokenType == " + Json + "JsonTokenType.StartArray)");
            writer.WriteLine("var instance = (int)start.TokenStartIndex;");
            writer.WriteLine("var scan = start;");
            writer.WriteLine("var index = 0;");
            writer.OpenBlock("while (scan.Read() && scan.TokenType != " + Json + "JsonTokenType.EndArray)");
            writer.OpenBlock("if (!context.IsItemEvaluated(evaluationFrom, instance, index))");
            writer.WriteLine("context.PushIndex(index);");
            if (node.RejectsUnevaluatedItems)
            {
                writer.WriteLine("context.AddError(\"unevaluatedItems\", \"The item is not allowed here: no schema declares it.\");");
            }
            else
            {
                writer.WriteLine("var item = scan;");
                writer.WriteLine(node.UnevaluatedItems!.Call + "(ref item, ref context, false, out _);");
            }

            writer.WriteLine("context.Pop();");
            writer.CloseBlock();
            writer.WriteLine("index++;");
            writer.WriteLine("scan.Skip();");
            writer.CloseBlock();
            writer.CloseBlock();
        }

        writer.WriteLine("context.EndEvaluation();");
        writer.OpenBlock("if (context.TracksEvaluation)");
        if (node.HasUnevaluatedProperties)
        {
            writer.WriteLine("if (start.TokenType == " + Json + "JsonTokenType.StartObject) context.MarkAllProperties((int)start.TokenStartIndex);");
        }

        if (node.HasUnevaluatedItems)
        {
            writer.WriteLine("if (start.TokenType == " + Json + "JsonTokenType.StartArray) context.MarkItemsUpTo((int)start.TokenStartIndex, int.MaxValue);");
        }

        writer.CloseBlock();
    }

    /// <summary><c>not</c>, and <c>if</c> with its <c>then</c> and <c>else</c>.</summary>
    private static void EmitConditions(SourceWriter writer, NodeSpec node)
    {
        if (node.Not is not null)
        {
            writer.OpenBlock(string.Empty);
            writer.WriteLine("var copy = start;");
            writer.WriteLine("var trial = context.BeginTrial();");
            writer.WriteLine(node.Not.Call + "(ref copy, ref context, false, out _);");
            writer.WriteLine("if (context.EndTrial(trial)) context.AddError(\"not\", \"The value matches a schema it must not match.\");");
            writer.CloseBlock();
        }

        if (node.If is not null && (node.Then is not null || node.Else is not null || node.ReportsEvaluation))
        {
            // Without then or else, if decides nothing, but what it evaluates when it passes still counts.
            writer.OpenBlock(string.Empty);
            writer.WriteLine("var copy = start;");
            writer.WriteLine("var trial = context.BeginTrial();");
            writer.WriteLine(node.If.Call + "(ref copy, ref context, false, out _);");
            writer.WriteLine("copy = start;");
            if (node.Then is null && node.Else is null)
            {
                writer.WriteLine("context.EndTrial(trial);");
            }
            else if (node.Then is not null)
            {
                writer.WriteLine("if (context.EndTrial(trial)) " + node.Then.Call + "(ref copy, ref context, false, out _);");
                if (node.Else is not null)
                {
                    writer.WriteLine("else " + node.Else.Call + "(ref copy, ref context, false, out _);");
                }
            }
            else
            {
                writer.WriteLine("if (!context.EndTrial(trial)) " + node.Else!.Call + "(ref copy, ref context, false, out _);");
            }

            writer.CloseBlock();
        }
    }

    // ---- enum and const, for nodes that are not enum types ----------------------------------------------

    private static void EmitLiterals(SourceWriter writer, NodeSpec node)
    {
        if (node.EmptyEnum)
        {
            writer.WriteLine("context.AddError(\"enum\", \"The schema's enum is empty: no value is allowed.\");");
            return;
        }

        var literals = node.CheckedLiterals.ToList();
        if (literals.Count == 0)
        {
            return;
        }

        var keyword = node.Const is not null ? "const" : "enum";
        var tests = literals.Select((literal, index) => literal.Kind == JsonTypes.String
            ? "(start.TokenType == " + Json + "JsonTokenType.String && start.ValueTextEquals(" + Identifiers.Literal(literal.Text) + "u8))"
            : "context.ValueEquals(ref start, " + LiteralField(node, index) + ")");
        var message = node.Const is not null
            ? "Expected the value " + Display(node.Const) + "."
            : "Expected one of: " + string.Join(", ", literals.Select(Display)) + ".";
        writer.WriteLine("if (!(" + string.Join(" || ", tests) + ")) context.AddError(\"" + keyword + "\", " + Identifiers.Literal(Truncate(message)) + ");");
    }

    private static string Display(JsonLiteral literal) => literal.Kind == JsonTypes.String ? "\"" + literal.Text + "\"" : literal.Text;

    private static string Truncate(string message) => message.Length <= 300 ? message : message.Substring(0, 297) + "...";

    // ---- composition --------------------------------------------------------------------------------------

    private static void EmitComposition(SourceWriter writer, NodeSpec node)
    {
        if (node.Ref is not null && node.Shape.Kind != ValueKind.Any)
        {
            writer.OpenBlock(string.Empty);
            writer.WriteLine("var copy = start;");
            WriteCall(writer, node.Ref.Call + "(ref copy, ref context, build, out var referenced);", node.RefEntersScope);
            writer.WriteLine("if (build) value = referenced" + (node.Ref.Value.Nullable && !node.Value.Nullable ? "!" : string.Empty) + ";");
            writer.CloseBlock();
        }

        if (node.Ref is not null && node.Shape.Kind == ValueKind.Any)
        {
            writer.OpenBlock(string.Empty);
            writer.WriteLine("var copy = start;");
            WriteCall(writer, node.Ref.Call + "(ref copy, ref context, false, out _);", node.RefEntersScope);
            writer.CloseBlock();
        }

        foreach (var branch in node.AllOf)
        {
            writer.OpenBlock(string.Empty);
            writer.WriteLine("var copy = start;");
            writer.WriteLine(branch.Call + "(ref copy, ref context, false, out _);");
            writer.CloseBlock();
        }

        if (node.DynamicRef is { } dynamic)
        {
            EmitDynamicReference(writer, node, dynamic);
        }

        if (node.Composition == CompositionKind.Union)
        {
            UnionReaderEmitter.Emit(writer, node);
            return;
        }

        if (!node.AnyOf.IsEmpty)
        {
            writer.WriteLine("var anyMatched = false;");
            foreach (var branch in node.AnyOf)
            {
                // Where unevaluated members are checked, every matching branch's evaluations count, so none is skipped.
                writer.OpenBlock(node.ReportsEvaluation ? "if (!anyMatched || context.TracksEvaluation)" : "if (!anyMatched)");
                writer.WriteLine("var copy = start;");
                writer.WriteLine("var trial = context.BeginTrial();");
                writer.WriteLine(branch.Call + "(ref copy, ref context, false, out _);");
                writer.WriteLine("anyMatched |= context.EndTrial(trial);");
                writer.CloseBlock();
            }

            writer.WriteLine("if (!anyMatched) context.AddError(\"anyOf\", \"The value matches none of the allowed schemas.\");");
        }

        if (!node.OneOf.IsEmpty)
        {
            writer.WriteLine("var oneMatched = 0;");
            foreach (var branch in node.OneOf)
            {
                writer.OpenBlock(string.Empty);
                writer.WriteLine("var copy = start;");
                writer.WriteLine("var trial = context.BeginTrial();");
                writer.WriteLine(branch.Call + "(ref copy, ref context, false, out _);");
                writer.WriteLine("if (context.EndTrial(trial)) oneMatched++;");
                writer.CloseBlock();
            }

            writer.WriteLine("if (oneMatched == 0) context.AddError(\"oneOf\", \"The value matches none of the allowed schemas.\");");
            writer.WriteLine("else if (oneMatched > 1) context.AddError(\"oneOf\", \"The value matches more than one schema where exactly one is allowed.\");");
        }
    }

    /// <summary>
    /// A <c>$dynamicRef</c>: to the anchor of the outermost resource of the dynamic scope that declares it, else to the
    /// schema it names statically.
    /// </summary>
    private static void EmitDynamicReference(SourceWriter writer, NodeSpec node, DynamicRefSpec dynamic)
    {
        writer.OpenBlock(string.Empty);
        writer.WriteLine("var copy = start;");
        if (dynamic.Targets.IsEmpty)
        {
            WriteCall(writer, dynamic.Static.Call + "(ref copy, ref context, false, out _);", dynamic.StaticEntersScope);
            writer.CloseBlock();
            return;
        }

        writer.OpenBlock("switch (context.OutermostScope(" + DynamicScopesField(node) + "))");
        foreach (var target in dynamic.Targets)
        {
            writer.WriteLine("case " + Invariant(target.ScopeId) + ": " + target.Reader.Call + "(ref copy, ref context, false, out _); break;");
        }

        writer.WriteLine("default:");
        writer.OpenBlock(string.Empty);
        WriteCall(writer, dynamic.Static.Call + "(ref copy, ref context, false, out _);", dynamic.StaticEntersScope);
        writer.WriteLine("break;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string DynamicScopesField(NodeSpec node) => GeneratedMemberNames.DynamicScopesField(node.Method);

    // ---- token helpers ------------------------------------------------------------------------------------

    internal static string TokenCondition(string reader, JsonTypes types)
    {
        var tokens = new List<string>();
        if (types.HasFlag(JsonTypes.Object))
        {
            tokens.Add("StartObject");
        }

        if (types.HasFlag(JsonTypes.Array))
        {
            tokens.Add("StartArray");
        }

        if (types.HasFlag(JsonTypes.String))
        {
            tokens.Add("String");
        }

        if ((types & (JsonTypes.Number | JsonTypes.Integer)) != 0)
        {
            tokens.Add("Number");
        }

        if (types.HasFlag(JsonTypes.Boolean))
        {
            tokens.Add("True");
            tokens.Add("False");
        }

        if (types.HasFlag(JsonTypes.Null))
        {
            tokens.Add("Null");
        }

        return tokens.Count == 0 ? "false" : reader + ".TokenType is " + string.Join(" or ", tokens.Select(t => Json + "JsonTokenType." + t));
    }

    internal static string Describe(JsonTypes types)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[]
        {
            (JsonTypes.Object, "object"), (JsonTypes.Array, "array"), (JsonTypes.String, "string"), (JsonTypes.Number, "number"),
            (JsonTypes.Integer, "integer"), (JsonTypes.Boolean, "boolean"), (JsonTypes.Null, "null"),
        })
        {
            if (types.HasFlag(flag) && !(flag == JsonTypes.Integer && types.HasFlag(JsonTypes.Number)))
            {
                names.Add(name);
            }
        }

        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }
}
