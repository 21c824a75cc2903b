package org.portrait.jobs.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.hadoop.io.AvroSerialization;
import org.apache.avro.specific.SpecificData;
import org.apache.hadoop.conf.Configuration;

/**
 * MRUnit copies every key it is given or receives through the configured serializations. Avro's serialization
 * knows one key schema per configuration, so a mapper reading one record type and writing another is set up
 * with the union of both: each record serialises as its own branch and reads back as its own specific class.
 */
public final class AvroMrUnit {
  private AvroMrUnit() {}

  public static void configure(Configuration conf, Schema... keySchemas) {
    AvroSerialization.addToConfiguration(conf);
    Schema union = Schema.createUnion(Arrays.asList(keySchemas));
    AvroSerialization.setKeyWriterSchema(conf, union);
    AvroSerialization.setKeyReaderSchema(conf, union);
    AvroSerialization.setDataModelClass(conf, SpecificData.class);
  }

  /**
   * {@code record} with every field made nullable (same names and order), so a test can feed a mapper a
   * record with a null field — bad input the real schema would refuse to write — through MRUnit's copying.
   */
  public static Schema nullable(Schema record) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      Schema t = f.schema();
      boolean hasNull = t.getType() == Schema.Type.UNION
          && t.getTypes().stream().anyMatch(x -> x.getType() == Schema.Type.NULL);
      Schema nt = hasNull ? t : Schema.createUnion(List.of(Schema.create(Schema.Type.NULL), t));
      Object def = hasNull && t.getTypes().get(0).getType() != Schema.Type.NULL ? f.defaultVal() : JsonProperties.NULL_VALUE;
      fields.add(new Schema.Field(f.name(), nt, f.doc(), def));
    }
    return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
  }
}
