import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

const dependencies: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { postgres: { status: 'up' }, redis: { status: 'up' } },
};

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty(dependencies) info!: Record<string, { status: string }>;
  @ApiProperty(dependencies) details!: Record<string, { status: string }>;
}

export class UnhealthyDto {
  @ApiProperty({ example: 503 }) statusCode!: number;
  @ApiProperty({ example: 'Service Unavailable' }) error!: string;
  @ApiProperty({ example: 'unhealthy: redis down' }) message!: string;
  @ApiProperty({ example: 'error' }) status!: string;
  @ApiProperty({ type: [String], example: ['redis'] }) failing!: string[];
  @ApiProperty(dependencies) info!: Record<string, { status: string }>;
  @ApiProperty(dependencies) details!: Record<string, { status: string }>;
}
