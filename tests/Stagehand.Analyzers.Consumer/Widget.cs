namespace Consumer.Contracts;

/// <summary>STH0004 mirrored onto C#: this extends the type generated from schemas/Widget.schema.json, which is broken.</summary>
public sealed partial record Widget
{
    /// <summary>A hand-written addition.</summary>
    public string Describe() => "widget";
}
