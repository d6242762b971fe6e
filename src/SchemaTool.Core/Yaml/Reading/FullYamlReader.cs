using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SchemaTool.Yaml.Reading;

/// <summary>
/// Reads any YAML with YamlDotNet's parser into a <see cref="YamlValue"/> tree: anchors, aliases, tags,
/// block scalars, multi-line flow. The first document is the model; the rest are parsed for errors only.
/// </summary>
internal static class FullYamlReader
{
    public static YamlValue? Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        YamlValue? first = null;
        var documents = 0;
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var root = ReadNode(parser, anchors, 0);
                parser.Consume<DocumentEnd>();
                if (documents++ == 0) first = root;
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw YamlErrors.Explain(text, e, (int)e.Start.Line, (int)e.Start.Column, Message(e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet fails this way on some malformed input (a plain scalar it cannot end, a tag `!!` that is
            // not a URI) instead of with a YamlException; say where it had got to.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlSyntaxException((int)at.Line, (int)at.Column, $"malformed YAML after this point ({e.Message})");
        }
        return first;
    }

    private static YamlValue ReadNode(IParser parser, Dictionary<string, YamlValue> anchors, int depth)
    {
        var start = parser.Current!.Start;
        if (depth >= YamlDocument.MaxDepth && parser.Current is SequenceStart or MappingStart)
            throw new YamlSyntaxException((int)start.Line, (int)start.Column,
                $"malformed YAML: nested more than {YamlDocument.MaxDepth} levels deep (a model nests six); remove the extra brackets or indentation");
        YamlValue node;
        switch (parser.Current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlSyntaxException((int)start.Line, (int)start.Column, $"malformed YAML: alias *{alias.Value.Value} names no anchor declared before it");
            case Scalar scalar:
                parser.MoveNext();
                node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, (int)start.Line, (int)start.Column);
                Remember(anchors, scalar.Anchor, node);
                return node;
            case SequenceStart sequence:
                parser.MoveNext();
                var items = new List<YamlValue>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors, depth + 1));
                node = new YamlList(items, (int)start.Line, (int)start.Column);
                Remember(anchors, sequence.Anchor, node);
                return node;
            case MappingStart mapping:
                parser.MoveNext();
                var entries = new MapEntries();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors, depth + 1);
                    if (entries.Add(key, ReadNode(parser, anchors, depth + 1)) is { } repeated) throw repeated;
                }
                node = entries.Build((int)start.Line, (int)start.Column);
                Remember(anchors, mapping.Anchor, node);
                return node;
            default:
                throw new YamlSyntaxException((int)start.Line, (int)start.Column, $"malformed YAML: unexpected {parser.Current!.GetType().Name}");
        }
    }

    private static void Remember(Dictionary<string, YamlValue> anchors, AnchorName anchor, YamlValue node)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = node;
    }

    private static string Message(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return "malformed YAML: " + (message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message);
    }
}

