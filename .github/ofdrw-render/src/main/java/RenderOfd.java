import java.nio.file.Path;
import java.nio.file.Paths;
import org.ofdrw.converter.export.ImageExporter;

/**
 * Renders every page of an OFD file to PNG with ofdrw (its own reader and renderer, drawing
 * text with the fonts embedded in the package): OUT_DIR/0.png, 1.png, …
 *
 * Usage: RenderOfd FILE.ofd OUT_DIR PIXELS_PER_MM
 */
public class RenderOfd {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RenderOfd FILE.ofd OUT_DIR PIXELS_PER_MM");
      System.exit(2);
    }
    Path ofd = Paths.get(args[0]);
    Path out = Paths.get(args[1]);
    ImageExporter exporter = new ImageExporter(ofd, out, "PNG", Double.parseDouble(args[2]));
    try {
      exporter.export();
    } finally {
      exporter.close();
    }
    System.out.println(ofd + ": " + exporter.getImgFilePaths().size() + " pages");
  }
}
