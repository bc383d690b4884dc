using System.Globalization;
using System.Linq;
using Stagehand.Schema;
using static Stagehand.Generators.GeneratedNames;

namespace Stagehand.Generators;

/// <summary>
/// Writes <c>WriteTo(Utf8JsonWriter)</c>: the exact wire names, in schema order; absent optional members left out,
/// <c>null</c> written where the contract allows it, client-only members never written.
/// </summary>
internal static class WriterEmitter
{
    public static void EmitRecord(SourceWriter writer, RecordSpec record)
    {
        writer.WriteSummaryXml("Writes this value as JSON with the contract's wire names.");
        var nested = record.Members.Any(member => !member.ClientOnly && member.Const is null && WritesGeneratedValue(member.Shape))
            || (record.AdditionalMembers is { } additionalShape && WritesGeneratedValue(additionalShape))
            || (record.PatternMembers is { } patternShape && WritesGeneratedValue(patternShape));
        if (nested)
        {
            writer.WriteLine(StackExceptionXml);
        }

        writer.OpenBlock("public void WriteTo(" + Json + "Utf8JsonWriter writer)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        if (nested)
        {
            writer.WriteLine(EnsureStack);
        }

        writer.WriteLine("writer.WriteStartObject();");
        foreach (var member in record.Members)
        {
            if (member.ClientOnly)
            {
                continue;
            }

            var name = Identifiers.Literal(member.WireName) + "u8";
            // "this." keeps a member named like a local of WriteTo (writer, value) from being taken for it.
            var access = "this." + member.Name;
            if (member.Const is not null)
            {
                writer.WriteLine(member.Const.Kind switch
                {
                    JsonTypes.String => "writer.WriteString(" + name + ", " + Identifiers.Literal(member.Const.Text) + "u8);",
                    JsonTypes.Boolean => "writer.WriteBoolean(" + name + ", " + member.Const.Text + ");",
                    JsonTypes.Null => "writer.WriteNull(" + name + ");",
                    JsonTypes.Integer or JsonTypes.Number => "writer.WritePropertyName(" + name + "); writer.WriteRawValue(" + Identifiers.Literal(member.Const.Text) + ", skipInputValidation: true);",
                    _ => "writer.WritePropertyName(" + name + "); " + access + ".WriteTo(writer);",
                });
                continue;
            }

            if (member.IsOptionalWrapper)
            {
                writer.OpenBlock("if (" + access + ".HasValue)");
                writer.WriteLine("writer.WritePropertyName(" + name + ");");
                EmitNullable(writer, member.Shape, access + ".Value", 0);
                writer.CloseBlock();
                continue;
            }

            // No block of its own: the only local a member declares ("the" + its name) is its own.
            if (member.Required && !member.Nullable)
            {
                writer.WriteLine("writer.WritePropertyName(" + name + ");");
                EmitValue(writer, member.Shape, access, 0);
            }
            else if (member.Required)
            {
                writer.WriteLine("writer.WritePropertyName(" + name + ");");
                EmitNullable(writer, member.Shape, access, 0);
            }
            else
            {
                writer.OpenBlock("if (" + access + " is { } " + Local(member.Name) + ")");
                writer.WriteLine("writer.WritePropertyName(" + name + ");");
                EmitValue(writer, member.Shape, Local(member.Name), 0);
                writer.CloseBlock();
            }
        }

        EmitMemberMap(writer, record.PatternMembers, "PatternMembers", "patternMembers");
        EmitMemberMap(writer, record.AdditionalMembers, "AdditionalMembers", "additional");

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    /// <summary>Writes each entry of a record's map of pattern or additional members as a member of the object itself.</summary>
    private static void EmitMemberMap(SourceWriter writer, ValueShape? map, string property, string local)
    {
        if (map is not { Element: { } element })
        {
            return;
        }

        writer.OpenBlock("if (" + property + " is { } " + local + ")");
        writer.OpenBlock("foreach (var pair in " + local + ")");
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        if (map.ElementNullable)
        {
            EmitNullable(writer, element, "pair.Value", 1);
        }
        else
        {
            EmitValue(writer, element, "pair.Value", 1);
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    public static void EmitUnion(SourceWriter writer, UnionSpec union)
    {
        writer.WriteSummaryXml("Writes the case this holds as JSON.");
        writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">This is the default value, which holds no case.</exception>");
        var nested = union.Cases.Any(@case => WritesGeneratedValue(@case.Shape));
        if (nested)
        {
            writer.WriteLine(StackExceptionXml);
        }

        writer.OpenBlock("public void WriteTo(" + Json + "Utf8JsonWriter writer)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        if (nested)
        {
            writer.WriteLine(EnsureStack);
        }

        writer.OpenBlock("switch (_case)");
        var index = 1;
        foreach (var @case in union.Cases)
        {
            writer.OpenBlock("case " + (index++).ToString(CultureInfo.InvariantCulture) + ":");
            var field = UnionEmitter.FieldName(@case);
            EmitValue(writer, @case.Shape, @case.Shape.IsValueType ? field : field + "!", 0);
            writer.WriteLine("break;");
            writer.CloseBlock();
        }

        writer.WriteLine("default: throw Uninitialized();");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void EmitNullable(SourceWriter writer, ValueShape shape, string expression, int depth)
    {
        var local = "present" + depth.ToString(CultureInfo.InvariantCulture);
        writer.OpenBlock(string.Empty);
        writer.OpenBlock("if (" + expression + " is { } " + local + ")");
        EmitValue(writer, shape, local, depth + 1);
        writer.CloseBlock();
        writer.OpenBlock("else");
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>Writes <paramref name="expression"/>, a non-null value of <paramref name="shape"/>.</summary>
    internal static void EmitValue(SourceWriter writer, ValueShape shape, string expression, int depth)
    {
        switch (shape.Kind)
        {
            case ValueKind.String:
            case ValueKind.Guid:
            case ValueKind.DateTimeOffset:
                writer.WriteLine("writer.WriteStringValue(" + expression + ");");
                return;
            case ValueKind.Uri:
                writer.WriteLine("writer.WriteStringValue(" + expression + ".OriginalString);");
                return;
            case ValueKind.Boolean:
                writer.WriteLine("writer.WriteBooleanValue(" + expression + ");");
                return;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
                writer.WriteLine("writer.WriteNumberValue(" + expression + ");");
                return;
            case ValueKind.Any:
                writer.WriteLine(expression + ".WriteTo(writer);");
                return;
            case ValueKind.Named when shape.Named!.Kind == NamedKind.Enum:
                writer.WriteLine(shape.Named.FullName + GeneratedMemberNames.WireValuesSuffix + ".WriteTo(writer, " + expression + ");");
                return;
            case ValueKind.Named:
                writer.WriteLine(expression + ".WriteTo(writer);");
                return;
            case ValueKind.List:
                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                writer.WriteLine("writer.WriteStartArray();");
                writer.OpenBlock("foreach (var " + item + " in " + expression + ")");
                if (shape.ElementNullable)
                {
                    EmitNullable(writer, shape.Element!, item, depth + 1);
                }
                else
                {
                    EmitValue(writer, shape.Element!, item, depth + 1);
                }

                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndArray();");
                return;
            case ValueKind.Map:
                var pair = "pair" + depth.ToString(CultureInfo.InvariantCulture);
                writer.WriteLine("writer.WriteStartObject();");
                writer.OpenBlock("foreach (var " + pair + " in " + expression + ")");
                writer.WriteLine("writer.WritePropertyName(" + pair + ".Key);");
                if (shape.ElementNullable)
                {
                    EmitNullable(writer, shape.Element!, pair + ".Value", depth + 1);
                }
                else
                {
                    EmitValue(writer, shape.Element!, pair + ".Value", depth + 1);
                }

                writer.CloseBlock();
                writer.WriteLine("writer.WriteEndObject();");
                return;
            case ValueKind.Tuple:
                EmitTuple(writer, shape, expression, depth);
                return;
        }
    }

    /// <summary>
    /// Writes a tuple's items in order. An optional item that is null ends the array: the items after it are absent too
    /// (in-memory validation reports one that is set).
    /// </summary>
    private static void EmitTuple(SourceWriter writer, ValueShape shape, string expression, int depth)
    {
        // A block of its own: the pattern variables below are scoped to it, so two tuples in one method do not clash.
        writer.OpenBlock(string.Empty);
        writer.WriteLine("writer.WriteStartArray();");
        var opened = 0;
        for (var i = 0; i < shape.TupleItems.Count; i++)
        {
            var item = shape.TupleItems[i];
            var access = expression + ".Item" + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (item.Optional)
            {
                var local = "tupleItem" + depth.ToString(CultureInfo.InvariantCulture) + "_" + i.ToString(CultureInfo.InvariantCulture);
                writer.OpenBlock("if (" + access + " is { } " + local + ")");
                opened++;
                EmitValue(writer, item.Shape, local, depth + 1);
            }
            else if (item.Nullable)
            {
                EmitNullable(writer, item.Shape, access, depth + 1);
            }
            else
            {
                EmitValue(writer, item.Shape, access, depth + 1);
            }
        }

        for (var i = 0; i < opened; i++)
        {
            writer.CloseBlock();
        }

        writer.WriteLine("writer.WriteEndArray();");
        writer.CloseBlock();
    }

    private static string Local(string name) => "the" + name;

    /// <summary>
    /// The stack guard of a writer that calls another generated writer: a value of a recursive contract nests as deep as code
    /// built it, and would otherwise take <c>WriteTo</c> deeper than the thread's stack.
    /// </summary>
    private const string EnsureStack = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";

    private const string StackExceptionXml = "/// <exception cref=\"global::System.InsufficientExecutionStackException\">The value nests deeper than the thread's stack can write.</exception>";

    /// <summary>Whether writing a value of <paramref name="shape"/> calls the <c>WriteTo</c> of a generated record or union.</summary>
    private static bool WritesGeneratedValue(ValueShape shape) => shape.Kind switch
    {
        ValueKind.Named => shape.Named!.Kind != NamedKind.Enum,
        ValueKind.List or ValueKind.Map => WritesGeneratedValue(shape.Element!),
        ValueKind.Tuple => shape.TupleItems.Any(item => WritesGeneratedValue(item.Shape)),
        _ => false,
    };
}
