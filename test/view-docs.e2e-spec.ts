import { useTestApp } from './support/test-app.js';

/**
 * The views that share `EditedAtProperty` (platform) and `AttachmentsProperty` (files) since #18
 * document those fields the same way in OpenAPI: an edit time that may be null, and a list of
 * attachment views.
 */
describe('OpenAPI: editedAt and attachments of comments, questions and answers', () => {
  const t = useTestApp();

  it('documents editedAt as a nullable date-time and attachments as AttachmentView[]', async () => {
    const docs = await t.http.get('/api/docs-json').expect(200);
    const schemas = docs.body.components.schemas as Record<string, { properties: Record<string, unknown>; required?: string[] }>;
    for (const view of ['CommentView', 'QuestionView', 'AnswerView']) {
      expect(schemas[view].properties.editedAt).toEqual({
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: 'Last edit by its author ("edited"), null if never',
      });
      expect(schemas[view].properties.attachments).toEqual({
        type: 'array',
        items: { $ref: '#/components/schemas/AttachmentView' },
        description: 'Files attached; url and thumbnailUrl are signed, short-lived links',
      });
      expect(schemas[view].required).toEqual(expect.arrayContaining(['editedAt', 'attachments']));
    }
  });
});
