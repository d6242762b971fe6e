namespace SchemaTool; public static class Placeholder {}
