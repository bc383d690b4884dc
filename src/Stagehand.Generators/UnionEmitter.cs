using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Stagehand.Schema;

namespace Stagehand.Generators;

/// <summary>
/// Writes a union as a readonly struct: one field per case, an implicit conversion from each case whose C# type
/// is unambiguous, <c>TryGet*</c> accessors, and exhaustive <c>Match</c>/<c>Switch</c>.
/// </summary>
internal static class UnionEmitter
{
    public static void Emit(SourceWriter writer, UnionSpec union, string schemaPath, System.Action emitWireMembers)
    {
        var name = union.Type.Name;
        var cases = union.Cases.Select((c, i) => new Case(c, i + 1)).ToList();
        var typeCounts = cases.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count());

        var description = union.Description ?? "The " + name + " contract.";
        if (union.Discriminator is not null)
        {
            description += "\nThe cases are told apart by the " + union.Discriminator + " member.";
        }

        ContractEmitter.WriteTypeHeader(writer, union with { Description = description }, schemaPath);
        writer.OpenBlock("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");

        writer.WriteLine("private readonly int " + GeneratedMemberNames.UnionTagField + ";");
        foreach (var @case in cases)
        {
            writer.WriteLine("private readonly " + @case.FieldType + " " + @case.Field + ";");
        }

        writer.WriteLine();
        var parameters = string.Join(", ", cases.Select(c => c.FieldType + " value" + c.Index.ToString(CultureInfo.InvariantCulture)));
        writer.OpenBlock("private " + name + "(int index, " + parameters + ")");
        writer.WriteLine("_case = index;");
        foreach (var @case in cases)
        {
            writer.WriteLine(@case.Field + " = value" + @case.Index.ToString(CultureInfo.InvariantCulture) + ";");
        }

        writer.CloseBlock();

        foreach (var @case in cases)
        {
            writer.WriteLine();
            writer.WriteSummaryXml("Creates a value holding the " + @case.Spec.Name + " case" + DiscriminatorNote(@case) + ".");
            var arguments = string.Join(", ", cases.Select(c => c == @case ? "value" : "default"));
            if (@case.IsReference)
            {
                writer.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
                writer.WriteLine("public static " + name + " From" + @case.Spec.Name + "(" + @case.Type + " value) =>");
                writer.WriteLine("    value is null ? throw new global::System.ArgumentNullException(nameof(value)) : new(" + @case.Index.ToString(CultureInfo.InvariantCulture) + ", " + arguments + ");");
            }
            else
            {
                writer.WriteLine("public static " + name + " From" + @case.Spec.Name + "(" + @case.Type + " value) => new(" + @case.Index.ToString(CultureInfo.InvariantCulture) + ", " + arguments + ");");
            }

            if (typeCounts[@case.Type] == 1)
            {
                writer.WriteLine();
                writer.WriteSummaryXml("Wraps <paramref name=\"value\"/> as the " + @case.Spec.Name + " case.");
                writer.WriteLine("public static implicit operator " + name + "(" + @case.Type + " value) => From" + @case.Spec.Name + "(value);");
            }
        }

        foreach (var @case in cases)
        {
            writer.WriteLine();
            writer.WriteSummaryXml("Gets the value when this holds the " + @case.Spec.Name + " case.");
            var notNull = @case.IsReference ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
            var outType = @case.IsReference ? @case.Type + "?" : @case.Type;
            writer.OpenBlock("public bool TryGet" + @case.Spec.Name + "(" + notNull + "out " + outType + " value)");
            writer.WriteLine("value = " + @case.Field + ";");
            writer.WriteLine("return _case == " + @case.Index.ToString(CultureInfo.InvariantCulture) + ";");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteSummaryXml("Calls the function for the case this holds and returns its result.");
        writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">This is the default value, which holds no case.</exception>");
        var funcs = string.Join(", ", cases.Select(c => "global::System.Func<" + c.Type + ", TResult> " + c.Parameter));
        writer.OpenBlock("public TResult Match<TResult>(" + funcs + ") => _case switch");
        foreach (var @case in cases)
        {
            writer.WriteLine(@case.Index.ToString(CultureInfo.InvariantCulture) + " => " + @case.Parameter + "(" + @case.Field + @case.Bang + "),");
        }

        writer.WriteLine("_ => throw Uninitialized(),");
        writer.CloseBlock(";");

        writer.WriteLine();
        writer.WriteSummaryXml("Calls the action for the case this holds.");
        writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">This is the default value, which holds no case.</exception>");
        var actions = string.Join(", ", cases.Select(c => "global::System.Action<" + c.Type + "> " + c.Parameter));
        writer.OpenBlock("public void Switch(" + actions + ")");
        writer.OpenBlock("switch (_case)");
        foreach (var @case in cases)
        {
            writer.WriteLine("case " + @case.Index.ToString(CultureInfo.InvariantCulture) + ": " + @case.Parameter + "(" + @case.Field + @case.Bang + "); break;");
        }

        writer.WriteLine("default: throw Uninitialized();");
        writer.CloseBlock();
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock("public bool Equals(" + name + " other) => _case == other._case && _case switch");
        foreach (var @case in cases)
        {
            writer.WriteLine(@case.Index.ToString(CultureInfo.InvariantCulture) + " => global::System.Collections.Generic.EqualityComparer<" + @case.FieldType + ">.Default.Equals(" + @case.Field + ", other." + @case.Field + "),");
        }

        writer.WriteLine("_ => true,");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock("public override int GetHashCode() => _case switch");
        foreach (var @case in cases)
        {
            writer.WriteLine(@case.Index.ToString(CultureInfo.InvariantCulture) + " => global::System.HashCode.Combine(_case, " + @case.Field + "),");
        }

        writer.WriteLine("_ => 0,");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock("public override string ToString() => _case switch");
        foreach (var @case in cases)
        {
            var text = @case.Spec.Shape.Kind == ValueKind.Boolean
                ? "(" + @case.Field + " ? \"true\" : \"false\")"
                : @case.IsReference
                    ? "(" + @case.Field + "?.ToString() ?? string.Empty)"
                    : "string.Format(global::System.Globalization.CultureInfo.InvariantCulture, \"{0}\", " + @case.Field + ")";
            writer.WriteLine(@case.Index.ToString(CultureInfo.InvariantCulture) + " => " + Identifiers.Literal(@case.Spec.Name + ": ") + " + " + text + ",");
        }

        writer.WriteLine("_ => \"(none)\",");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteSummaryXml("Whether two values hold the same case with equal values.");
        writer.WriteLine("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.WriteLine();
        writer.WriteSummaryXml("Whether two values differ in case or value.");
        writer.WriteLine("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine();
        writer.WriteSummaryXml("Whether this is the default value, which holds no case.");
        writer.WriteLine("public bool IsDefault => _case == 0;");
        emitWireMembers();
        writer.WriteLine();
        writer.WriteLine("private static global::System.InvalidOperationException Uninitialized() =>");
        writer.WriteLine("    new(" + Identifiers.Literal("This " + name + " is the default value and holds no case; create it from one of its cases.") + ");");
        writer.CloseBlock();
    }

    private static string DiscriminatorNote(Case @case) =>
        @case.Spec.DiscriminatorValue is null ? string.Empty : " (" + SourceWriter.Code(@case.Spec.DiscriminatorValue) + ")";

    /// <summary>The private field that holds a case's value.</summary>
    internal static string FieldName(UnionCaseSpec spec) => GeneratedMemberNames.UnionCaseField(spec.Name);

    private sealed class Case
    {
        public Case(UnionCaseSpec spec, int index)
        {
            Spec = spec;
            Index = index;
            Type = spec.Shape.CSharpType;
            IsReference = !spec.Shape.IsValueType;
            FieldType = IsReference ? Type + "?" : Type;
            Field = FieldName(spec);
            Parameter = Identifiers.ToCamelCase(spec.Name);
            Bang = IsReference ? "!" : string.Empty;
        }

        public UnionCaseSpec Spec { get; }

        public int Index { get; }

        public string Type { get; }

        public bool IsReference { get; }

        public string FieldType { get; }

        public string Field { get; }

        public string Parameter { get; }

        public string Bang { get; }
    }
}
