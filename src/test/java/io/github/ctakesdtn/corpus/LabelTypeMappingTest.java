package io.github.ctakesdtn.corpus;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.apache.ctakes.typesystem.type.constants.CONST;
import org.junit.Test;

public class LabelTypeMappingTest {
  private static String shortType(LabelTypeMapping mapping, String label) {
    String name = mapping.typeFor(label).typeName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  @Test
  public void defaultsCoverTheUsualClinicalLabels() {
    LabelTypeMapping m = LabelTypeMapping.defaults();
    assertEquals("DiseaseDisorderMention", shortType(m, "Disease"));
    assertEquals("DiseaseDisorderMention", shortType(m, "COND"));
    assertEquals("DiseaseDisorderMention", shortType(m, "problem"));
    assertEquals("MedicationMention", shortType(m, "Chemical"));
    assertEquals("MedicationMention", shortType(m, "DRUG"));
    assertEquals("ProcedureMention", shortType(m, "treatment"));
    assertEquals("ProcedureMention", shortType(m, "test"));
    assertEquals("SignSymptomMention", shortType(m, "Sign_symptom"));
    assertEquals("AnatomicalSiteMention", shortType(m, "Anatomy"));
    assertEquals("LabMention", shortType(m, "Lab"));
    assertEquals("IdentifiedAnnotation", shortType(m, "protein"));
    assertEquals(CONST.NE_TYPE_ID_DISORDER, m.typeFor("Disease").typeId());
    assertEquals(CONST.NE_TYPE_ID_UNKNOWN, m.typeFor("FECHAS").typeId());
  }

  @Test
  public void aLabelSpeltAsATypeNameIsThatType() {
    LabelTypeMapping m = LabelTypeMapping.defaults();
    for (String type : List.of("DiseaseDisorderMention", "MedicationMention", "ProcedureMention", "SignSymptomMention",
        "AnatomicalSiteMention", "LabMention")) {
      assertEquals(type, shortType(m, type));
    }
    assertEquals(CONST.NE_TYPE_ID_LAB, m.typeFor("LabMention").typeId());
    assertEquals("IdentifiedAnnotation", shortType(m, "Measurement"));
  }

  @Test
  public void explicitEntriesWinAndAcceptFullTypeNames() {
    LabelTypeMapping m = LabelTypeMapping.withOverrides(List.of(
        "test=LabMention", "protein=org.apache.ctakes.typesystem.type.textsem.EntityMention"));
    assertEquals("LabMention", shortType(m, "test"));
    assertEquals(CONST.NE_TYPE_ID_LAB, m.typeFor("test").typeId());
    assertEquals("EntityMention", shortType(m, "protein"));
    assertEquals("DiseaseDisorderMention", shortType(m, "Disease"));
    assertThrows(IllegalArgumentException.class, () -> LabelTypeMapping.withOverrides(List.of("oops")));
  }
}
